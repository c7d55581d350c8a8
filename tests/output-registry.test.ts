/**
 * The output registry (src/outputs/registry.ts) drives the deploy headers:
 * the `_headers` file the build writes for Netlify and Cloudflare Pages gives
 * every output its type, CORS and nosniff, each header once per path; and
 * deploy/nginx.conf, which cannot read the registry, is read here and must
 * answer every output with the registry's type, charset and CORS, so an output
 * added to the registry without nginx support fails, naming it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { headerRules, renderHeadersFile } from '../src/outputs/headers.ts';
import { contentType, OUTPUTS, type Output, type OutputScope } from '../src/outputs/registry.ts';
import { MISSING_NGINX, NGINX_CONF } from './helpers/nginx.ts';
import { nginxAnswer, parseNginxRules } from './helpers/nginx-rules.ts';

const MIME_TYPES = '/etc/nginx/mime.types';

/** Example paths of an output in each of its scopes, at the host's root and under a path (docs/serving-under-a-path.md). */
function examplePaths(output: Output): string[] {
  const bases: Record<OutputScope, string[]> = { site: ['/', '/status/'], service: ['/services/dsl/', '/status/services/dsl/'] };
  return output.scopes.flatMap((scope) => bases[scope].map((base) => `${base}${output.file}`));
}

/** Where nginx disagrees with the registry, one line per output and path. */
function nginxDisagreements(outputs: readonly Output[]): string[] {
  assert.ok(existsSync(MIME_TYPES), `${MIME_TYPES} is missing: ${MISSING_NGINX}`);
  const rules = parseNginxRules(readFileSync(NGINX_CONF, 'utf8'), readFileSync(MIME_TYPES, 'utf8'));
  return outputs.flatMap((output) =>
    examplePaths(output).flatMap((path) => {
      const answer = nginxAnswer(rules, path);
      const where = `output "${output.name}" (${path})`;
      if (!answer) return [`${where}: deploy/nginx.conf answers 404`];
      const problems: string[] = [];
      if (answer.type !== output.mediaType) problems.push(`${where}: deploy/nginx.conf serves it as ${answer.type}, the registry says ${output.mediaType}`);
      if (!answer.charset) problems.push(`${where}: ${answer.type} is not in deploy/nginx.conf's charset_types`);
      const cors = answer.cors === '*';
      if (cors !== output.crossOrigin) problems.push(`${where}: deploy/nginx.conf's $noticeboard_cors map ${cors ? 'allows' : 'does not allow'} other origins, the registry says ${output.crossOrigin ? 'it must' : 'it must not'}`);
      return problems;
    }),
  );
}

/** The headers a host reading `_headers` sends for `path`: every matching rule's, combined. */
function headersFor(file: string, path: string): [string, string][] {
  const blocks = file.split(/\n\n+/).filter((block) => !block.startsWith('#'));
  return blocks.flatMap((block) => {
    const [pattern, ...lines] = block.trim().split('\n');
    const regex = new RegExp(`^${pattern!.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (!regex.test(path)) return [];
    return lines.map((line) => {
      const match = /^ {2}([A-Za-z-]+): (.+)$/.exec(line);
      assert.ok(match, `_headers: "${line}" is not an indented "Name: value" line`);
      return [match[1]!, match[2]!] as [string, string];
    });
  });
}

describe('the output registry', () => {
  it('names each output once, and each file and folder once', () => {
    const names = OUTPUTS.map((output) => output.name);
    assert.equal(new Set(names).size, names.length, names.join(', '));
    const paths = OUTPUTS.flatMap(examplePaths);
    assert.equal(new Set(paths).size, paths.length);
  });

  it('writes a _headers file giving each output its type with charset, CORS where the registry says, and nosniff, each header once', () => {
    const file = renderHeadersFile();
    for (const output of OUTPUTS) {
      for (const path of examplePaths(output).filter((example) => !example.startsWith('/status/'))) {
        const headers = headersFor(file, path);
        const names = headers.map(([name]) => name.toLowerCase());
        assert.equal(new Set(names).size, names.length, `${path}: a header set by two rules (hosts combine them): ${names.join(', ')}`);
        const expected: [string, string][] = [['X-Content-Type-Options', 'nosniff'], ['Content-Type', contentType(output)]];
        if (output.crossOrigin) expected.push(['Access-Control-Allow-Origin', '*']);
        assert.deepEqual(new Map(headers), new Map(expected), `${output.name} (${path})`);
      }
    }
    // Pages and stylesheets: only nosniff from this file (their types come by extension).
    for (const path of ['/', '/services/dsl/', '/style.css', '/2008/09/26/dsl-subscriber-rebalancing/']) {
      assert.deepEqual(headersFor(file, path), [['X-Content-Type-Options', 'nosniff']], path);
    }
    assert.equal(headerRules().length, 1 + OUTPUTS.reduce((sum, output) => sum + output.scopes.length, 0), 'one rule per output and scope, plus /*');
  });

  it('agrees with deploy/nginx.conf on every output: type, charset and CORS, at the root and under a path', () => {
    assert.deepEqual(nginxDisagreements(OUTPUTS), []);
    // And the pages stay closed to other origins there.
    const rules = parseNginxRules(readFileSync(NGINX_CONF, 'utf8'), readFileSync(MIME_TYPES, 'utf8'));
    for (const path of ['/', '/services/dsl/', '/style.css']) assert.equal(nginxAnswer(rules, path)?.cors, '', path);
    assert.equal(nginxAnswer(rules, '/_headers'), undefined, 'nginx must not serve _headers');
  });

  it('names an output that deploy/nginx.conf does not serve right', () => {
    const geojson: Output = { name: 'geojson', file: 'incidents.geojson', mediaType: 'application/geo+json', scopes: ['site'], crossOrigin: true };
    const problems = nginxDisagreements([geojson]);
    assert.ok(problems.length > 0);
    assert.ok(problems.every((problem) => problem.startsWith('output "geojson" (')), problems.join('\n'));
    assert.match(problems[0]!, /serves it as application\/octet-stream, the registry says application\/geo\+json/);
  });
});
