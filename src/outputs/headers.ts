/**
 * `/_headers`: the deploy headers of the outputs in the output registry, in
 * the header-file format Netlify and Cloudflare Pages read from the published
 * folder (and neither serves): a path pattern, then its headers indented, one
 * `Name: value` a line. Matching rules are combined, so each header is set by
 * one rule for any one file:
 * - every response: X-Content-Type-Options: nosniff (a browser never guesses a
 *   type from the bytes, so a feed is never run as HTML);
 * - each output, at the site's root and in every service's folder where it
 *   exists: its Content-Type with charset (feeds share .xml/.json with other
 *   files, so an extension alone does not give their type), and
 *   Access-Control-Allow-Origin: * for the feeds, calendars and the API, which
 *   other sites' scripts and dashboards read.
 * The same as deploy/nginx.conf sends; tests/output-registry.test.ts checks it.
 * The rest of the site-wide policy (CSP, framing, referrer, caching) is the
 * host's configuration (deploy/netlify.toml): it does not depend on the outputs.
 */
import { contentType, OUTPUTS, SCOPE_PATTERNS, type Output } from './registry.ts';

export const HEADERS_FILE = '/_headers';

/** One rule: a path pattern and its headers, in order. */
export interface HeaderRule {
  path: string;
  headers: [name: string, value: string][];
}

export function headerRules(outputs: readonly Output[] = OUTPUTS): HeaderRule[] {
  const perOutput = outputs.flatMap((output) =>
    output.scopes.map((scope): HeaderRule => ({
      path: `${SCOPE_PATTERNS[scope]}${output.file}`,
      headers: [['Content-Type', contentType(output)], ...(output.crossOrigin ? [['Access-Control-Allow-Origin', '*'] as [string, string]] : [])],
    })),
  );
  return [{ path: '/*', headers: [['X-Content-Type-Options', 'nosniff']] }, ...perOutput];
}

export function renderHeadersFile(rules: readonly HeaderRule[] = headerRules()): string {
  const header = [
    '# Written by noticeboard on every build from its output registry (docs/deploying.md):',
    '# do not edit here. Read by Netlify and Cloudflare Pages, and served by neither.',
  ];
  const blocks = rules.map((rule) => [rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `${header.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
