/**
 * Problems found in the input. Every loader collects them instead of throwing,
 * so one run reports all of them (spec §6).
 */
import damerauLevenshtein from 'damerau-levenshtein';

export interface Problem {
  /** Path of the offending file, relative to the project root. */
  file: string;
  /** 1-based line in that file. */
  line: number;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown by the build when the input has problems; carries all of them. */
export class InvalidInputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the input:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'InvalidInputError';
  }
}

/**
 * The candidate a typo most likely meant, or undefined when nothing is close
 * enough to be a helpful guess. Distance counts a swap of two neighbouring
 * letters as one edit (Damerau), so `dsn` is one step from `dns`.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestSteps = Infinity;
  for (const candidate of candidates) {
    const steps = damerauLevenshtein(word, candidate).steps;
    if (steps < bestSteps) [best, bestSteps] = [candidate, steps];
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(best.length / 3));
  return bestSteps <= allowed && bestSteps < Math.max(word.length, best.length) ? best : undefined;
}

/** " (did you mean `x`?)" or "" — appended to messages about unknown names. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = nearest(word, candidates);
  return guess === undefined ? '' : ` (did you mean \`${guess}\`?)`;
}

/** Sort problems by file then line, the order an editor would walk them. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}
