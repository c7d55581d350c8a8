/**
 * The floor of a build's own work, for `npm run bench`: a minimal program that
 * does what no build can skip, and nothing else.
 *
 *   node --import tsx bench/lib/floor.ts <posts dir> <manifest.json> <output dir> <result.json>
 *
 * It reads every notice file under the posts folder, splits and parses its
 * front matter with gray-matter (through the build's YAML reader: js-yaml on
 * the fast path, else `yaml`), renders its body and its updates' bodies with
 * the build's Markdown renderer (src/content/markdown.ts), then writes the
 * files the build wrote in the same run (the manifest: relative path and size
 * of each), in the same folder layout, with as many bytes: the rendered HTML,
 * repeated and cut to each file's size. Plain synchronous calls, one folder
 * created once; no validation, no model, no templates.
 *
 * It starts as a build does, as its own process through the TypeScript loader,
 * and writes its stage times to <result.json>.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { readYamlFast } from '../../src/content/fast-yaml.ts';
import { createMarkdown } from '../../src/content/markdown.ts';

export interface FloorResult {
  /** Node start to these modules loaded. */
  startupMs: number;
  /** Reading every notice file and parsing its front matter. */
  readMs: number;
  renderMs: number;
  writeMs: number;
  totalMs: number;
  notices: number;
  files: number;
  bytes: number;
  maxRssKb: number;
}

/** One file the build wrote: path relative to its output folder ('/'-separated) and size in bytes. */
export type ManifestEntry = [path: string, bytes: number];

const [postsDir, manifestFile, outputDir, resultFile] = process.argv.slice(2);
if (!postsDir || !manifestFile || !outputDir || !resultFile) throw new Error('usage: floor.ts <posts dir> <manifest.json> <output dir> <result.json>');
const startupMs = performance.now();

const readYaml = (text: string) => readYamlFast(text) ?? (parse(text, { version: '1.2', uniqueKeys: true }) as Record<string, unknown>);
const files = readdirSync(postsDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(postsDir, name));
const parsed = files.map((file) => matter(readFileSync(file, 'utf8'), { engines: { yaml: readYaml } }));
const read = performance.now();

const markdown = createMarkdown({ allowHtml: false });
const rendered: string[] = [];
for (const { content, data } of parsed) {
  rendered.push(markdown.render(content).html);
  const updates = Array.isArray(data.updates) ? (data.updates as { body?: unknown }[]) : [];
  for (const update of updates) if (typeof update?.body === 'string') rendered.push(markdown.toHtml(update.body));
}
const renderedAt = performance.now();

const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ManifestEntry[];
const largest = Math.max(1, ...manifest.map(([, bytes]) => bytes));
const html = Buffer.from(rendered.join('\n') || ' ');
const filler = Buffer.alloc(largest, html);
const folders = new Set<string>();
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

const result: FloorResult = {
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
