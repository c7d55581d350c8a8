/**
 * Real receivers on loopback for the notify tests: an SMTP server
 * (smtp-server, every message parsed with mailparser) and HTTP endpoints
 * (node:http) that record each request, verify webhook signatures, and can
 * be told to fail (answer 500) or to hold a request until released.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { verifySignature } from '../../src/notify/webhook.ts';

export interface SmtpReceiver {
  url: string;
  messages: ParsedMail[];
  /** Envelope recipients of each message, in the same order. */
  recipients: string[][];
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpReceiver> {
  const messages: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          recipients.push(session.envelope.rcptTo.map((to) => to.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://notify:secret@127.0.0.1:${port}`,
    messages,
    recipients,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedRequest {
  headers: IncomingMessage['headers'];
  body: string;
  json: unknown;
  /** The webhook signature checked against `secret` (undefined when the receiver has none). */
  signatureValid?: boolean;
}

export type Behaviour = 'ok' | 'fail' | 'hold';

export interface HttpReceiver {
  url: string;
  /** Requests answered 2xx, in order of arrival. */
  received: ReceivedRequest[];
  /** Every request, answered or not. */
  attempts: number;
  behaviour: Behaviour;
  /** Resolves when a request is being held (behaviour `hold`). */
  held(): Promise<void>;
  /** Answers the held requests with 200 and records them; later requests get `behaviour`. */
  release(): void;
  close(): Promise<void>;
}

export async function startHttp(secret?: string): Promise<HttpReceiver> {
  let heldResponses: { request: ReceivedRequest; response: ServerResponse }[] = [];
  let onHeld: (() => void) | undefined;
  const receiver: HttpReceiver = {
    url: '',
    received: [],
    attempts: 0,
    behaviour: 'ok',
    held: () =>
      heldResponses.length ? Promise.resolve() : new Promise<void>((resolve) => (onHeld = resolve)),
    release() {
      for (const { request, response } of heldResponses) {
        receiver.received.push(request);
        response.end('ok');
      }
      heldResponses = [];
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receiver.attempts++;
      const body = Buffer.concat(chunks).toString('utf8');
      const request: ReceivedRequest = {
        headers: req.headers,
        body,
        json: JSON.parse(body),
        signatureValid: secret === undefined ? undefined : verifySignature(body, req.headers['x-noticeboard-signature'] as string, secret),
      };
      if (receiver.behaviour === 'fail') {
        res.statusCode = 500;
        res.end('broken');
      } else if (receiver.behaviour === 'hold') {
        heldResponses.push({ request, response: res });
        onHeld?.();
      } else {
        receiver.received.push(request);
        res.end('ok');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
