/**
 * The floor of a build's own work, for `npm run bench`: a minimal program that
 * does what no build can skip, and nothing else.
 *
 *   node bench/lib/floor.js <posts dir> <manifest.json> <output dir> <result.json>
 *
 * It reads every notice file under the posts folder, splits and parses its
 * front matter with gray-matter (through the build's YAML reader: js-yaml on
 * the fast path, else `yaml`), renders its body and its updates' bodies with
 * the build's Markdown renderer (dist/content/markdown.js), then writes the
 * files the build wrote in the same run (the manifest: relative path and size
 * of each), in the same folder layout, with as many bytes: the rendered HTML,
 * repeated and cut to each file's size. Plain synchronous calls, one folder
 * created once; no validation, no model, no templates.
 *
 * It starts as `noticeboard build` does: its own process, plain JavaScript
 * importing the compiled engine (dist/, which the benchmark compiles first),
 * no TypeScript loader. It writes its stage times to <result.json>.
 */
// @ts-check
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';

// The compiled engine, which the benchmark compiles before it runs this. Imported by a computed
// URL so that type-checking a fresh clone, which has no dist/, does not look for it.
const DIST = new URL('../../dist/', import.meta.url);
/** @type {{ readYamlFast: (text: string) => Record<string, unknown> | undefined }} */
const { readYamlFast } = await import(new URL('content/fast-yaml.js', DIST).href);
/** @type {{ createMarkdown: (options: { allowHtml: boolean }) => { render(text: string): { html: string }, toHtml(text: string): string } }} */
const { createMarkdown } = await import(new URL('content/markdown.js', DIST).href);

/** @typedef {import('./floor-result.ts').FloorResult} FloorResult */

const [postsDir, manifestFile, outputDir, resultFile] = process.argv.slice(2);
if (!postsDir || !manifestFile || !outputDir || !resultFile) throw new Error('usage: floor.ts <posts dir> <manifest.json> <output dir> <result.json>');
const startupMs = performance.now();

/** @param {string} text */
const readYaml = (text) => readYamlFast(text) ?? /** @type {Record<string, unknown>} */ (parse(text, { version: '1.2', uniqueKeys: true }));
const files = readdirSync(postsDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(postsDir, name));
const parsed = files.map((file) => matter(readFileSync(file, 'utf8'), { engines: { yaml: readYaml } }));
const read = performance.now();

const markdown = createMarkdown({ allowHtml: false });
/** @type {string[]} */
const rendered = [];
for (const { content, data } of parsed) {
  rendered.push(markdown.render(content).html);
  const updates = Array.isArray(data.updates) ? /** @type {{ body?: unknown }[]} */ (data.updates) : [];
  for (const update of updates) if (typeof update?.body === 'string') rendered.push(markdown.toHtml(update.body));
}
const renderedAt = performance.now();

/** @type {import('./floor-result.ts').ManifestEntry[]} */
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
// A loop, not Math.max(...sizes): 200,000 arguments overflow the stack.
const largest = manifest.reduce((max, [, bytes]) => Math.max(max, bytes), 1);
const html = Buffer.from(rendered.join('\n') || ' ');
const filler = Buffer.alloc(largest, html);
/** @type {Set<string>} */
const folders = new Set();
let bytes = 0;
for (const [path, size] of manifest) {
  const target = join(outputDir, path);
  const folder = dirname(target);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  writeFileSync(target, filler.subarray(0, size));
  bytes += size;
}
const done = performance.now();

/** @type {FloorResult} */
const result = {
  startupMs,
  readMs: read - startupMs,
  renderMs: renderedAt - read,
  writeMs: done - renderedAt,
  totalMs: done,
  notices: files.length,
  files: manifest.length,
  bytes,
  maxRssKb: process.resourceUsage().maxRSS,
};
writeFileSync(resultFile, JSON.stringify(result));
