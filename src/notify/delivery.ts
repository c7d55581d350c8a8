/**
 * Sending: secrets read from the environment variables the config names
 * (all checked before anything is sent), one sender per channel, and bounded
 * retries with exponential backoff and a timeout on every attempt. A 5xx,
 * a 429, a timeout or a network error is retried; any other answer is final.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { Channel, NotifyConfig } from './config.ts';

export interface Secrets {
  /** The SMTP URL or webhook URL. */
  url: string;
  /** A webhook's HMAC key. */
  secret?: string;
}

/** Thrown before anything is sent when a channel's environment variables are missing or malformed. */
export class SecretsError extends Error {}

/** Every channel's secrets, or one error listing every variable that is missing or malformed. */
export function resolveSecrets(channels: readonly Channel[], env: NodeJS.ProcessEnv): Map<string, Secrets> {
  const problems: string[] = [];
  const secrets = new Map<string, Secrets>();
  for (const channel of channels) {
    const urlVariable = channel.type === 'email' ? channel.smtp : channel.url;
    const url = env[urlVariable]?.trim();
    const schemes = channel.type === 'email' ? ['smtp:', 'smtps:'] : ['https:', 'http:'];
    if (!url) problems.push(`channel \`${channel.name}\`: environment variable ${urlVariable} is not set`);
    else if (!schemes.includes(schemeOf(url))) {
      problems.push(`channel \`${channel.name}\`: environment variable ${urlVariable} must hold a ${schemes.map((s) => `${s}//`).join(' or ')} URL`);
    }
    let secret: string | undefined;
    if (channel.type === 'webhook') {
      secret = env[channel.secret];
      if (!secret) problems.push(`channel \`${channel.name}\`: environment variable ${channel.secret} is not set`);
    }
    if (url) secrets.set(channel.name, { url, secret });
  }
  if (problems.length) throw new SecretsError(problems.join('\n'));
  return secrets;
}

function schemeOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/** What one channel is asked to send: an email, or a JSON body with its headers. */
export type Payload = { kind: 'email'; mail: SendMailOptions } | { kind: 'http'; body: string; headers: Record<string, string> };

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Sends payloads for one channel; `close` when the run is done. */
export interface Sender {
  send(payload: Payload): Promise<void>;
  close(): void;
}

export function createSender(channel: Channel, secrets: Secrets, notify: NotifyConfig): Sender {
  const timeoutMs = notify.timeoutSeconds * 1000;
  const once = channel.type === 'email' ? emailSender(secrets.url, timeoutMs) : httpSender(secrets.url, timeoutMs);
  return {
    send: (payload) => withRetries(() => once.send(payload), notify.attempts, notify.backoffSeconds * 1000),
    close: () => once.close(),
  };
}

async function withRetries(attempt: () => Promise<void>, attempts: number, backoffMs: number): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const retryable = !(error instanceof DeliveryError) || error.retryable;
      if (!retryable || n >= attempts) {
        const message = (error as Error).message;
        throw new DeliveryError(n > 1 ? `${message} (after ${n} attempts)` : message, retryable);
      }
      await sleep(backoffMs * 2 ** (n - 1));
    }
  }
}

function httpSender(url: string, timeoutMs: number): Sender {
  const host = new URL(url).host;
  return {
    async send(payload) {
      if (payload.kind !== 'http') throw new Error('an HTTP channel got an email');
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', ...payload.headers },
          body: payload.body,
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const cause = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : describe(error);
        throw new DeliveryError(`POST to ${host} failed: ${cause}`, true);
      }
      await response.body?.cancel();
      if (response.ok) return;
      const retryable = response.status >= 500 || response.status === 429;
      throw new DeliveryError(`POST to ${host} answered ${response.status} ${response.statusText}`.trim(), retryable);
    },
    close() {},
  };
}

function emailSender(smtpUrl: string, timeoutMs: number): Sender {
  const host = new URL(smtpUrl).host;
  let transport: Transporter | undefined;
  return {
    async send(payload) {
      if (payload.kind !== 'email') throw new Error('an email channel got an HTTP body');
      // The URL's settings, plus a timeout on every stage of the conversation.
      const url = `${smtpUrl}${smtpUrl.includes('?') ? '&' : '?'}connectionTimeout=${timeoutMs}&greetingTimeout=${timeoutMs}&socketTimeout=${timeoutMs}`;
      transport ??= createTransport(url);
      try {
        await transport.sendMail(payload.mail);
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx SMTP replies are permanent; 4xx and connection trouble are worth another try.
        throw new DeliveryError(`SMTP via ${host} failed: ${describe(error)}`, code === undefined || code < 500);
      }
    },
    close() {
      transport?.close();
    },
  };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
