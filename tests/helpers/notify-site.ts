/**
 * A notify test site: a fixture root (tests/helpers/build-fixture.ts, not
 * built) whose config sends to real receivers on loopback, and a way to run
 * `npm run notify` in it as a child process at a given STATUS_NOW.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixture, type Fixture } from './build-fixture.ts';
import { configYaml } from './config.ts';
import { startHttp, startSmtp, type HttpReceiver, type SmtpReceiver } from './notify-receivers.ts';

export const HOOK_SECRET = 'test-hook-secret';

/**
 * Every channel type; `imap-mail` wants only IMAP notices, `teams` only incidents.
 * The timeout is long so that a request a test holds is never retried, however
 * slow a loaded machine is; failures are answered at once (500), not by timing out.
 */
export const NOTIFY_CONFIG = `${configYaml([
  ['backbone', 'Backbone and POPs', 'Network'],
  ['imap', 'IMAP', 'Mail'],
  ['webmail', 'Webmail', 'Mail'],
])}notify:
  reminder: 24h
  attempts: 2
  timeout_seconds: 120
  backoff_seconds: 0.01
  channels:
    - type: email
      to: [announce@lists.example.net]
      from: status@example.net
      smtp: NOTIFY_SMTP_URL
      unsubscribe: mailto:announce-leave@lists.example.net
      signup: https://lists.example.net/announce
    - type: email
      name: imap-mail
      to: imap-users@lists.example.net
      from: status@example.net
      smtp: NOTIFY_SMTP_URL
      services: [imap]
    - type: slack
      url: NOTIFY_SLACK_URL
    - type: teams
      url: NOTIFY_TEAMS_URL
      types: [incident]
    - type: webhook
      url: NOTIFY_HOOK_URL
      secret: NOTIFY_HOOK_SECRET
`;

export interface NotifySite {
  fixture: Fixture;
  smtp: SmtpReceiver;
  slack: HttpReceiver;
  teams: HttpReceiver;
  hook: HttpReceiver;
  env: Record<string, string>;
  statePath: string;
  /** Starts `npm run notify` at `now`; `env` adds or (with '') blanks variables. */
  start(now: string, args?: string[], env?: Record<string, string>): RunningNotify;
  run(now: string, args?: string[], env?: Record<string, string>): Promise<NotifyExit>;
  state(): { revision: number; channels: Record<string, { since: string; sent: Record<string, string> }> } | undefined;
  /** Messages received so far on every channel: [email-to, slack, teams, hook] counts. */
  counts(): { email: number; slack: number; teams: number; hook: number };
  close(): Promise<void>;
}

export interface NotifyExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningNotify {
  child: ChildProcess;
  done: Promise<NotifyExit>;
}

export async function notifySite(files: Record<string, string> = {}, config = NOTIFY_CONFIG): Promise<NotifySite> {
  const fixture = createFixture({ files: { 'site.config.yaml': config, ...files } });
  const [smtp, slack, teams, hook] = await Promise.all([startSmtp(), startHttp(), startHttp(), startHttp(HOOK_SECRET)]);
  const env = {
    NOTIFY_SMTP_URL: smtp.url,
    NOTIFY_SLACK_URL: slack.url,
    NOTIFY_TEAMS_URL: teams.url,
    NOTIFY_HOOK_URL: hook.url,
    NOTIFY_HOOK_SECRET: HOOK_SECRET,
  };
  const statePath = join(fixture.root, '.noticeboard', 'notify-state.json');
  const start = (now: string, args: string[] = [], extra: Record<string, string> = {}): RunningNotify => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, ...extra, STATUS_NOW: now };
    for (const [key, value] of Object.entries(extra)) if (value === '') delete childEnv[key];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/notify.ts', ...args], { cwd: fixture.root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const done = new Promise<NotifyExit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
    return { child, done };
  };
  return {
    fixture,
    smtp,
    slack,
    teams,
    hook,
    env,
    statePath,
    start,
    run: (now, args, extra) => start(now, args, extra).done,
    state: () => (existsSync(statePath) ? JSON.parse(readFileSync(statePath, 'utf8')) : undefined),
    counts: () => ({ email: smtp.messages.length, slack: slack.received.length, teams: teams.received.length, hook: hook.received.length }),
    async close() {
      await Promise.all([smtp.close(), slack.close(), teams.close(), hook.close()]);
      fixture.remove();
    },
  };
}

/** A notice file's text from its front matter (without the `---` lines) and body. */
export function noticeFile(frontMatter: string, body = 'Body.'): string {
  return `---\n${frontMatter.trim()}\n---\n${body}\n`;
}
