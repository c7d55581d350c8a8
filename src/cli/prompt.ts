/**
 * Line-by-line questions on the terminal, for `new` and `update`. Each answer is
 * checked on the spot and asked again until valid, so the file written is valid.
 *
 * Lines are queued as they arrive, so answers typed ahead (or piped in by a
 * script) are not lost between questions.
 */
import { createInterface, type Interface } from 'node:readline';

export class Prompter {
  private readonly rl: Interface;
  private readonly lines: string[] = [];
  private waiting?: (line: string | undefined) => void;
  private ended = false;

  constructor(
    input: NodeJS.ReadableStream = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.rl = createInterface({ input, terminal: false });
    this.rl.on('line', (line) => this.deliver(line));
    this.rl.on('close', () => {
      this.ended = true;
      this.deliver(undefined);
    });
  }

  private deliver(line: string | undefined): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(line);
    } else if (line !== undefined) {
      this.lines.push(line);
    }
  }

  private nextLine(): Promise<string | undefined> {
    if (this.lines.length) return Promise.resolve(this.lines.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Asks until `parse` accepts the answer (returning a value) or throws with a reason. */
  async ask<T>(question: string, parse: (answer: string) => T, fallback?: string): Promise<T> {
    for (;;) {
      this.output.write(fallback !== undefined && fallback !== '' ? `${question} [${fallback}]: ` : `${question}: `);
      const line = await this.nextLine();
      if (line === undefined) throw new Error(`no answer to "${question}": the input ended`);
      const answer = line.trim();
      try {
        return parse(answer === '' && fallback !== undefined ? fallback : answer);
      } catch (error) {
        this.output.write(`  ${(error as Error).message}\n`);
      }
    }
  }

  close(): void {
    this.rl.close();
  }
}

export function oneOf<T extends string>(options: readonly T[]): (answer: string) => T {
  return (answer) => {
    const match = options.find((option) => option === answer.toLowerCase());
    if (!match) throw new Error(`answer one of: ${options.join(', ')}`);
    return match;
  };
}
