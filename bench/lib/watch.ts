/**
 * `npm run bench -- --watch`: the preview's edit-to-served time, with
 * `noticeboard start` (what an installed site's `npm start` runs) started
 * from the compiled package.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, sep } from 'node:path';
import { PROJECT_ROOT } from './build-root.ts';
import { median } from './measure.ts';
import { seconds } from './report.ts';
import { loadConfig } from '../../src/content/config.ts';
import { findNoticeFiles, parseNotice } from '../../src/content/load-notices.ts';
import { CONFIG_FILE } from '../../src/site/load-site.ts';

/** The compiled binary (the benchmark compiles dist/ first) and the preview's output folder. */
const BINARY = join(PROJECT_ROOT, 'dist/cli/main.js');
const PREVIEW_OUTPUT = '_preview';

/**
 * `noticeboard start` in the build root (on a port of its own): waits for the first build, then edits one notice at a time and times
 * (a) until the preview logs the rebuild written and (b) until the dev server
 * serves the edited page.
 */
export async function measureWatch(root: string, env: NodeJS.ProcessEnv, edits: number): Promise<void> {
  rmSync(join(root, PREVIEW_OUTPUT), { recursive: true, force: true });
  const port = 8400 + Math.floor(Math.random() * 500);
  const started = performance.now();
  const server = spawn(process.execPath, [BINARY, 'start', `--output=${PREVIEW_OUTPUT}`, `--port=${port}`], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  let exited = false;
  server.on('exit', () => {
    exited = true;
    for (const wake of waiters.splice(0)) wake();
  });
  const waitFor = async (pattern: RegExp, from: number, timeoutMs: number): Promise<RegExpExecArray> => {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(log.slice(from));
      if (match) return match;
      if (exited) throw new Error(`the dev server exited:\n${log}`);
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${log.slice(-2000)}`);
      await new Promise<void>((wake) => {
        waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  };

  const quiet = async (ms: number) => {
    for (let length = -1; length !== log.length; ) {
      length = log.length;
      await new Promise((wake) => setTimeout(wake, ms));
    }
  };

  try {
    // src/cli/start.ts logs one line per build: "Built _preview/: wrote N files …", then "… changed: wrote N files …".
    await waitFor(/Built \S+: wrote \d+ files?/, 0, 60 * 60_000);
    const serverUrl = (await waitFor(/Preview at\s+(http:\/\/[^\s/]+)/, 0, 60_000))[1]!;
    console.log(`\nnpm start: first build and server up in ${seconds(performance.now() - started)} s (${serverUrl})`);
    const files = findNoticeFiles(join(root, 'posts'));
    const { config } = loadConfig(join(root, CONFIG_FILE));
    if (!config) throw new Error(`the corpus's ${CONFIG_FILE} is not valid`);
    const timings: { rebuild: number; visible: number }[] = [];
    // Eleventy says "Watching…" before its file watcher is ready; wait until the log is quiet.
    await quiet(3000);
    for (let i = 1; i <= edits; i++) {
      const file = files[Math.floor((files.length * i) / (edits + 1))]!;
      const text = readFileSync(file, 'utf8');
      const { notice } = parseNotice(text, relative(root, file).split(sep).join('/'), config);
      if (!notice) throw new Error(`${file} is not a valid notice`);
      const url = notice.url;
      let marker = '';
      let from = 0;
      let editedAt = 0;
      // If the watcher missed the write (not ready yet: no rebuild within a minute), write again and time from then.
      for (let attempt = 1; ; attempt++) {
        marker = `Edited by the benchmark, edit ${i}.${attempt} at ${Date.now()}.`;
        from = log.length;
        editedAt = performance.now();
        writeFileSync(file, `${text.trimEnd()}\n\n${marker}\n`);
        try {
          await waitFor(/ changed: wrote \d+ files?/, from, 60_000);
          break;
        } catch (error) {
          if (attempt === 5) throw error;
        }
      }
      const rebuilt = performance.now();
      while (!(await get(`${serverUrl}${url}`)).includes(marker)) {
        if (performance.now() - editedAt > 10 * 60_000) throw new Error(`${url} never showed the edit`);
        await new Promise((wake) => setTimeout(wake, 10));
      }
      const visible = performance.now();
      timings.push({ rebuild: rebuilt - editedAt, visible: visible - editedAt });
      console.log(`  edit ${i}: ${url}  rebuilt in ${seconds(rebuilt - editedAt)} s, page served with the edit after ${seconds(visible - editedAt)} s`);
      await quiet(1000);
    }
    console.log(
      `npm start, one notice edited (median of ${edits}): rebuilt in ${seconds(median(timings.map((t) => t.rebuild)))} s, ` +
        `edited page served after ${seconds(median(timings.map((t) => t.visible)))} s`,
    );
  } finally {
    if (!exited) server.kill('SIGTERM');
  }
}

function get(url: string): Promise<string> {
  return new Promise((done) => {
    const req = request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done(body));
    });
    req.on('error', () => done(''));
    req.end();
  });
}
