/**
 * The shipped GitLab CI file (deploy/gitlab-ci.yml), read as GitLab reads it:
 * parsed YAML, its stages, jobs, rules, and notify after the Pages job with
 * its state kept on the branch the notify docs describe.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

interface Job {
  stage?: string;
  needs?: string[];
  rules?: { if: string }[];
  script: string[];
  before_script?: string[];
  after_script?: string[];
  artifacts?: { paths: string[] };
  resource_group?: string;
  variables?: Record<string, string>;
}

const text = readFileSync(new URL('../deploy/gitlab-ci.yml', import.meta.url), 'utf8');
const ci = parse(text) as Record<string, unknown> & { stages: string[]; workflow: { rules: { if: string }[] } };
const job = (name: string) => ci[name] as Job;
const DEFAULT_BRANCH = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH';
const MERGE_REQUEST = '$CI_PIPELINE_SOURCE == "merge_request_event"';

test('gitlab-ci.yml: stages and jobs, each in a declared stage', () => {
  assert.deepEqual(ci.stages, ['check', 'build', 'notify']);
  const jobs = Object.keys(ci).filter((key) => !['image', 'stages', 'workflow', 'variables', 'default'].includes(key));
  assert.deepEqual(jobs, ['check', 'pages', 'notify']);
  for (const name of jobs) assert.ok(ci.stages.includes(job(name).stage!), `${name} is in stage ${job(name).stage}`);
  assert.deepEqual(
    ci.workflow.rules.map((rule) => rule.if),
    [MERGE_REQUEST, DEFAULT_BRANCH],
  );
});

test('gitlab-ci.yml: merge requests are checked; the default branch (pushes and schedules) builds Pages', () => {
  assert.deepEqual(job('check').rules, [{ if: MERGE_REQUEST }]);
  assert.deepEqual(job('check').script, ['npm ci', 'npm run check']);
  const pages = job('pages');
  assert.deepEqual(pages.rules, [{ if: DEFAULT_BRANCH }]);
  assert.ok(pages.script.includes('npm run build'));
  assert.ok(pages.script.includes('cp -r _site public'));
  assert.deepEqual(pages.artifacts, { paths: ['public'] });
});

test('gitlab-ci.yml: notify needs the pages job, runs one at a time, and keeps its state on the branch', () => {
  const notify = job('notify');
  assert.deepEqual(notify.needs, ['pages']);
  assert.equal(ci.stages.indexOf(notify.stage!), ci.stages.length - 1, 'the last stage');
  assert.deepEqual(notify.rules, [{ if: DEFAULT_BRANCH }]);
  assert.equal(notify.resource_group, 'notify');
  const script = notify.script;
  const at = (line: string) => {
    const index = script.findIndex((entry) => entry.includes(line));
    assert.ok(index >= 0, `the script runs ${line}`);
    return index;
  };
  // Waits for the deployed site, loads the state, notifies, saves even after a failure, then fails with notify's code.
  assert.ok(at('/build.json') < at('deploy/notify-state.sh load'));
  assert.ok(at('deploy/notify-state.sh load') < at('npm run notify || status=$?'));
  assert.ok(at('npm run notify') < at('deploy/notify-state.sh save'));
  assert.equal(script.at(-1), 'exit $status');
  assert.deepEqual(notify.after_script, ['deploy/notify-state.sh save']);
  assert.match(notify.before_script!.join('\n'), /NOTIFY_PUSH_TOKEN/);
  accessSync(new URL('../deploy/notify-state.sh', import.meta.url), constants.X_OK);
});

test('gitlab-ci.yml: every script is valid shell', () => {
  for (const name of ['check', 'pages', 'notify']) {
    const { before_script = [], script, after_script = [] } = job(name);
    const result = spawnSync('sh', ['-n'], { input: [...before_script, ...script, ...after_script].join('\n'), encoding: 'utf8' });
    assert.equal(result.status, 0, `${name}: ${result.stderr}`);
  }
});

test('gitlab-ci.yml is shipped for copying, not active in this repository', () => {
  assert.equal(existsSync(new URL('../.gitlab-ci.yml', import.meta.url)), false);
});
