/**
 * A built site in a real browser: a tiny static server on 127.0.0.1 (node:http,
 * no package) and Debian's chromium driven by playwright-core. Used by the
 * browser tests and `npm run screenshots`.
 *
 * A missing tool is an error that says how to get it, so tests fail rather
 * than skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SETUP_HINT = 'run `npm run test:setup` (Debian packages) and `npm ci` (npm packages)';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `dir` like a static host: `/x/` is `x/index.html`, anything missing is `/404.html` with status 404.
 * `headers` adds response headers by request path (e.g. CORS, a CSP), as a real host's config would.
 */
export async function serveDirectory(dir: string, headers: (path: string) => Record<string, string> = () => ({})): Promise<StaticServer> {
  const root = resolve(dir);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
    }
    response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers(path) });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}

/** Launches Debian's chromium headless, or throws saying how to install what is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is not installed at ${CHROMIUM}: ${SETUP_HINT}`);
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (error) {
    throw new Error(`playwright-core is not installed: ${SETUP_HINT} (${(error as Error).message})`);
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** axe-core's browser script, to inject into pages. */
export function axeSource(): string {
  const path = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
  if (!existsSync(path)) throw new Error(`axe-core is not installed: ${SETUP_HINT}`);
  return readFileSync(path, 'utf8');
}

/** The Nu Html Checker jar, after checking Java runs; throws with a hint otherwise. */
export function vnuJar(): string {
  const jar = resolve(import.meta.dirname, '../../node_modules/vnu-jar/build/dist/vnu.jar');
  if (!existsSync(jar)) throw new Error(`vnu-jar is not installed: ${SETUP_HINT}`);
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) throw new Error(`Java is not installed (the Nu Html Checker needs it): ${SETUP_HINT}`);
  return jar;
}
