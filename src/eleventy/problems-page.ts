/**
 * Under `npm start`, while the notices or the config have problems, every page
 * request gets this page instead of the last good build, so nobody mistakes a
 * stale page for the current one. The dev server adds its live-reload script
 * to it, so the browser shows the real page again once the files are fixed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from '../pages/html.ts';
import { formatProblem, type Problem } from '../content/problems.ts';

export function problemsPage(problems: readonly Problem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${count} — noticeboard preview</title>
</head>
<body>
<main>
<h1>${count} to fix</h1>
<p>The preview shows no page until these are fixed; the build and <code>noticeboard check</code> report the same. This page reloads when a file is saved.</p>
<ul>
${problems.map((problem) => html`<li><code>${formatProblem(problem)}</code></li>\n`)}
</ul>
</main>
</body>
</html>
`.toString();
}

/** Whether a request asks for a page (not a stylesheet, script, feed or the dev server's own files). */
function wantsPage(url: string): boolean {
  const path = url.split('?')[0]!;
  return !path.startsWith('/.11ty/') && (path.endsWith('/') || path.endsWith('.html') || !/\.[a-z0-9]+$/i.test(path));
}

/** Dev-server middleware: the problems page for every page while `current()` has problems. */
export function problemsMiddleware(current: () => readonly Problem[]) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const problems = current();
    if (problems.length === 0 || !wantsPage(request.url ?? '/')) return next();
    response.statusCode = 500;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(problemsPage(problems));
  };
}
