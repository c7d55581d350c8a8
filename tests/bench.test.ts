/**
 * The benchmark runs: `npm run bench` on a small corpus (one round), with a rebuild and a
 * preview edit, prints every figure issue 18 asks for. It broke once without
 * anybody noticing (it started a file the engine's move had deleted), so it is
 * run here like any other command. No figure is judged: speed is measured by
 * the benchmark itself, never by a timed test; this checks that it measures.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

const ROOT = new URL('..', import.meta.url).pathname;

describe('npm run bench', () => {
  let dir: string;
  let output: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'noticeboard-bench-test-'));
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--notices', '60', '--runs', '1', '--rebuild', '--watch', '--edits', '1', '--dir', join(dir, 'site')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
      timeout: 10 * 60_000,
    });
    output = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.status, 0, `npm run bench failed:\n${output}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The number a summary line gives after `label`. */
  const figure = (label: RegExp): number => {
    const match = new RegExp(`${label.source}\\s*([0-9]+\\.[0-9]+)`).exec(output);
    assert.ok(match, `no ${label} figure in:\n${output}`);
    return Number(match[1]);
  };

  test('it compiles the engine and builds with the compiled binary', () => {
    assert.match(output, /Compiled the engine into dist\//);
    assert.match(output, /Corpus: 60 notices/);
  });

  test('each round builds and runs the floor, writing the same number of files', () => {
    const rows = output.split('\n').filter((line) => /^\s*\S*\s+(build|floor)\s+\d/.test(line));
    // Columns after the kind: wall s, peak RSS, pages (builds only), files.
    const files = (kind: 'build' | 'floor') =>
      rows.flatMap((row) => {
        const cells = row.trim().split(/\s+/);
        const at = cells.indexOf(kind);
        return at < 0 ? [] : [Number(cells[at + (kind === 'build' ? 4 : 3)])];
      });
    assert.equal(rows.length, 2, output);
    assert.ok(files('build').every((count) => count > 60), output);
    assert.deepEqual(files('floor'), files('build'), 'the floor writes as many files as the build did');
  });

  test('the summary gives build/floor, start-up, memory and the rebuild over an existing site', () => {
    assert.ok(figure(/build\/floor/) > 0);
    assert.ok(figure(/startup/) > 0);
    assert.match(output, /build median [0-9.]+ s \(peak RSS \d+ MiB; once the model was built: RSS \d+ MiB, heap \d+ MiB\)/);
    assert.match(output, /rebuild over an existing _site\/ median [0-9.]+ s, [0-9.]+ of a clean build/);
    // The round's rebuild changed no notice: it kept the index the round's build wrote.
    assert.match(output, /rebuild .* of clean, 1\/1 index parts kept/);
  });

  test('the stage tables include the search index and the availability reports', () => {
    assert.match(output, /load\+validate\s+[0-9.]+/);
    assert.match(output, /of which availability reports\s+[0-9.]+/);
    assert.match(output, /search index: wait after the pages\s+[0-9.]+/);
    assert.match(output, /Render by template[^\n]*\n\s+\S+\.11ty\.js/);
  });

  test('the preview edit is timed until the server serves the edited page', () => {
    assert.match(output, /npm start, one notice edited \(median of 1\): rebuilt in [0-9.]+ s, edited page served after [0-9.]+ s/);
  });
});
