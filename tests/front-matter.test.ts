/**
 * The front-matter fast path (src/content/fast-yaml.ts) against its contract: for
 * any text, `readYamlFast` returns undefined ("not sure") or exactly what the
 * `yaml` package returns, and never a value where `yaml` reports a problem.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../bench/lib/corpus.ts';
import { Random } from '../bench/lib/random.ts';
import { readYamlFast } from '../src/content/fast-yaml.ts';
import { splitFrontMatter } from '../src/content/front-matter.ts';
import { parseYaml } from '../src/content/yaml-source.ts';

const ROOT = join(import.meta.dirname, '..');

/** What the slow path makes of the text: the `yaml` package's value, or its first problem. */
function slowPath(text: string): { data: unknown } | { error: string } {
  try {
    const { data, problems } = parseYaml(text, 'notice.md');
    return problems.length ? { error: problems[0]!.message } : { data };
  } catch (error) {
    // The `yaml` package throws on alias expansion it deems an attack.
    return { error: String(error) };
  }
}

/** Asserts the contract for one text; true when the fast path read it. */
function checkContract(text: string, label: string): boolean {
  const fast = readYamlFast(text);
  if (fast === undefined) return false;
  const slow = slowPath(text);
  if ('error' in slow) assert.fail(`${label}: the fast path read text the yaml package rejects (${slow.error})`);
  assert.deepStrictEqual(fast, slow.data, `${label}: the fast path and the yaml package disagree`);
  return true;
}

/** Front matter of every notice file below `dir`, split as the loader splits it. */
function frontMattersUnder(dir: string): { file: string; frontMatter: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .flatMap((file) => {
      const split = splitFrontMatter(readFileSync(file, 'utf8'));
      return split ? [{ file, frontMatter: split.frontMatter }] : [];
    });
}

test('the sample notices under posts/ are read by the fast path, as the yaml package reads them', () => {
  const notices = frontMattersUnder(join(ROOT, 'posts'));
  assert.ok(notices.length > 0, 'posts/ has notices');
  for (const { file, frontMatter } of notices) {
    assert.ok(checkContract(frontMatter, file), `${file}: a plain notice must not fall back to the yaml package`);
  }
});

test("the sample site's config and the one `init` writes are read by the fast path, as the yaml package reads them", () => {
  // So a valid build never loads the `yaml` package (src/content/yaml-lib.ts).
  for (const file of [join(ROOT, 'site.config.yaml'), join(ROOT, 'src/init/files/site.config.yaml')]) {
    assert.ok(checkContract(readFileSync(file, 'utf8'), file), `${file}: a plain config must not fall back to the yaml package`);
  }
});

test('test fixtures: the fast path reads each as the yaml package does, or falls back', () => {
  const notices = frontMattersUnder(join(ROOT, 'tests/fixtures'));
  assert.ok(notices.length > 0, 'tests/fixtures has notices');
  for (const { file, frontMatter } of notices) checkContract(frontMatter, file);
});

test('a generated corpus of 1,000 notices: the fast path reads each as the yaml package does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noticeboard-front-matter-'));
  try {
    writeCorpus(dir, { notices: 1000 });
    const notices = frontMattersUnder(join(dir, 'posts'));
    assert.equal(notices.length, 1000);
    let fast = 0;
    for (const { file, frontMatter } of notices) if (checkContract(frontMatter, file)) fast++;
    assert.ok(fast > 0, 'the corpus is read by the fast path');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/*
 * Input where js-yaml and the `yaml` package may read differently, or where
 * one rejects what the other accepts. Each must come out undefined or equal.
 */
const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
for (const [from, to] of ['ab', 'bc', 'cd', 'de']) laughs.push(`${to}: &${to} [${Array(10).fill(`*${from}`).join(', ')}]`);
const nested = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}`;
const indented = (depth: number) => `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} x`;

const EDGE_CASES: Record<string, string[]> = {
  'numbers with _': ['a: 1_000', 'a: 0x_1F', 'a: 1_000.5', '1_0: x'],
  'octal, hex and binary': ['a: 0o17', 'a: 017', 'a: 0x1F', 'a: -0x1A', 'a: +0x1A', 'a: +0o7', 'a: 0b101', 'a: -0b1', 'a: 0o', 'a: 0x'],
  'other numbers': ['a: 1', 'a: -1', 'a: +12', 'a: 1.5', 'a: -.5', 'a: +.5', 'a: 1.', 'a: 1e3', 'a: 1E+3', 'a: .5e-3', 'a: 12345678901234567890', 'a: -0', 'a: [1, -.5, 0b1]'],
  '.inf and .nan': ['a: .inf', 'a: -.Inf', 'a: +.INF', 'a: .nan', 'a: .NaN', 'a: .NAN', 'a: -.nan', 'a: .Nan', 'a: "-.5"', "a: '.inf'"],
  timestamps: ['a: 2001-12-14t21:59:43.10-05:00', 'a: 2002-12-14', 'date: 2008-09-30 00:01', 'a: 2001-12-14 21:59:43.10 -5', 'a: 12:30'],
  'merge keys': ['base: &b {x: 1}\nc:\n  <<: *b\n  y: 2', '<<: {a: 1}', '<<: x', 'a:\n  <<: [x]'],
  '__proto__ keys': ['__proto__: x', '__proto__: {polluted: true}', 'a: {__proto__: 1}', '"__proto__": x', 'a:\n  __proto__:\n    b: c'],
  'anchors and aliases': ['a: &x 1\nb: *x', 'a: &x [1]\nb: *x', 'a: *x', '&x a: b', 'a: &x\nb: *x', 'a: &x {b: c}\nd: [*x, *x]', laughs.join('\n')],
  tags: [
    'a: !!str 12',
    'a: !!binary aGVsbG8=',
    'a: !custom x',
    'a: !<tag:yaml.org,2002:str> x',
    'a: ! 12',
    'a: !!int "12"',
    "a: !!null ''",
    'a: !!bool "true"',
    'a: !!set {x}',
    'a: !!omap [a: 1]',
    'a: !!timestamp 2001-12-14',
    '%TAG !e! tag:example.com,2000:\n---\na: !e!x y',
    '!!map {a: b}',
  ],
  'duplicate keys': ['a: 1\na: 2', 'a: 1\n"a": 2', '1: a\n"1": b', 'null: a\n~: b', 'a: {b: 1, b: 2}', 'true: a\n"true": b', '1: a\n1.0: b', 'a:\n  - b: 1\n    b: 2'],
  tabs: ['a:\tb', 'a:\n\t', 'a:\n\t- b', 'a: "x\ty"', 'a: |\n\tx', '\ta: b', 'a: b\t', 'a:\n  b: c\n\td: e', 'a: [b,\tc]'],
  'CRLF line ends': ['a: b\r\nc: d\r\n', 'a: |\r\n  x\r\n  y\r\n', 'a: b\rc: d', 'a: "x\r\n  y"', 'a: >\r\n  x\r\n\r\n  y\r\n'],
  'a byte-order mark': ['\ufeffa: b', '\n\ufeff: x', 'a: b\ufeff', 'a: "\ufeff"', 'a: \ufeffb'],
  'control characters': ['a: b\u0000', 'a: b\u0007', 'a: b\u0085c', 'a: b\u2028c', 'a: b\u2029c', 'a: "\u001b"', 'a: \ud800', 'a: \udc00x', 'a: b\u007f', 'a: "\\u0007"', 'a: "\\ud800"'],
  'several documents': ['---\na: 1\n---\nb: 2', 'a: 1\n---\nb: 2', 'a: 1\n...\n', 'a: 1\n...\nb: 2', '--- a: 1', '---\na: 1', 'a: 1\n---'],
  directives: ['%YAML 1.1\n---\na: yes', '%YAML 1.2\n---\na: b', '%FOO bar\n---\na: b', '%YAML 1.1\n---\na: 0777'],
  'empty and non-mapping documents': ['', '\n', '# only a comment', '   ', '~', 'null', 'a', '- a', '"a: b"', '[a]', '{}', '---', 'a: b\n- c'],
  'keys that are not strings': ['1: x', 'true: x', 'null: x', '~: x', ': x', '[a]: x', '[a, b]: x', '{a: 1}: x', '1.5: x', '0x10: x', '-0x10: x', '.inf: x', '0b1: x', '{: x}', '{null: x}', '{[a, b]}', 'a: {[b]: c}', 'a: {b, {c: d}}', '[a, b] : x', 'a: x\n: y'],
  '? complex keys': ['? a\n: b', '? [a, b]\n: c', '? |\n  x\n: y', '? a', 'a: [? b : c]', '? a: b\n: c'],
  'very long input': [
    `${'k'.repeat(1100)}: x`,
    `"${'\\x41'.repeat(300)}": x`,
    `a: ${'word '.repeat(1000)}`,
    `a: "${'x'.repeat(5000)}"`,
    Array.from({ length: 500 }, (_, i) => `k${i}: v${i}`).join('\n'),
  ],
  'deep nesting': [nested(50), nested(99), nested(100), nested(1000), indented(50), indented(99), indented(100), indented(1000)],
  'what js-yaml accepts and yaml rejects': [
    'a: [b,\nc]',
    'a: [b,\n  c]',
    'a: {b: c,\nd: e}',
    'a:\n  - [b,\n  c]',
    'a: [b, "]",\nc]',
    'a: "b\nc"',
    "a: 'b\nc'",
    'a: "b\\\nc"',
    'a: "b"#c',
    "a: 'b'#c",
    's: []#',
    's: {}#c',
    'a: [b, "c"#d]',
    'w:\n -\n- b',
    'w:\n - \n- b',
    'b:\n#c\n e\nt: 1',
    'b:\n#c\n e f\nt: 1',
    'a: [',
    'a: "',
    'a: [b # c\n  ]',
  ],
  'block scalars': [
    'k: >1\n  ',
    'k: |2\n   x',
    'k: |1\n  x\n',
    'e: |+\n  x\n ',
    ' e: |+\n ',
    'e: >+\n\n ',
    'e: >\n  \n #',
    'title: >+\n  \n     \n    #c',
    'k: |\n  x\n  y\n',
    'k: >-\n  x\n\n  y\n   z\n',
    'k: |+\n  x\n\n\n',
    'k: |\n  \n   x\n',
    'k: |\n  x\n   \n',
    'k: | # c\n  x',
  ],
  'quoted scalars': ['a: "\\x41\\N\\_\\L\\P\\e\\0\\a"', 'a: "\\/"', "a: 'it''s'", 'a: "x"  # c', 'a: "a\\"b"', 'a: "\\U0001F600"', 'a: "\\q"', "a: ''", 'a: ""', '"": x', "'a b': c"],
  numbers: ['a: 50', 'a: 99.95', 'a: -1', 'a: +1', 'a: 1.', 'a: 1e3', 'a: 1E-3', 'a: .5', 'a: .5e3', 'a: 017', 'a: 0o17', 'a: 0x1F', 'a: .inf', 'a: -.inf', 'a: .nan', 'a: 12345678901234567890', 'a: [1, 2.5, -3]', '- 7\n- 8', 'sla: 99.999\nfeed_items: 1000', 'a: 1 apple', 'a: 1_000 apples', 'a: web_1', 'a: 1.2.3'],
  'plain scalars and comments': ['a: b #c\n #d\n', 'a: b\n  c\n', 'a: b # c # d', 'a: #c\n  b', 'a:b', 'a: b:c', 'a: b: c', 'a: @x', 'a: `x', 'a: %x', 'a: it\'s', 'a: [a,b,]', 'a: [,]', 'a: - b', 'a: x\u00a0', '\u00a0a: b', 'a: b\n\n\n', '\n\na: b', '# c\na: b\n# d'],
};

for (const [kind, texts] of Object.entries(EDGE_CASES)) {
  test(`edge cases, ${kind}: the fast path falls back or reads as the yaml package does`, () => {
    for (const text of texts) checkContract(text, JSON.stringify(text));
  });
}

test('edge cases with known differences between js-yaml and yaml fall back', () => {
  // The guards in src/content/fast-yaml.ts exist for these; each is read differently, or rejected only by `yaml`.
  for (const text of ['null: x', '[a]: x', '{[a, b]}', 'a: 0b101', 'a: -0b1', 'a: -0x1A', 'a: +0o7', 'a: 1_000', 'a: 0x_1', 'a: ._5', 'a: [1_0]', 'a: -.5', 'a: [b,\nc]', 'a: "b"#c', 's: []#', 'w:\n -\n- b', 'b:\n#c\n e\nt: 1', 'k: >1\n  ', 'a:\n\t', 'a: b\rc: d', '\n\ufeff: x', 'e: |+\n  x\n ', '%YAML 1.1\n---\na: yes', `${'k'.repeat(1100)}: x`]) {
    assert.equal(readYamlFast(text), undefined, JSON.stringify(text));
  }
});

test('small random edits of real notices: the fast path falls back or reads as the yaml package does', () => {
  // Seeded, so a failure names an input that can be replayed.
  const random = new Random(20080926);
  const notices = frontMattersUnder(join(ROOT, 'posts')).map((notice) => notice.frontMatter);
  const pieces = [' ', '\n', '\n  ', ':', ': ', '-', '- ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '>', '\\', '?', '&', '*', '!', '%', '\t', '\r', 'a', '1', '.', '~', '\n-\n', ']: ', '{[', '|2', '|+', '_', '0b', '0x', '0o', '+', 'e', '9'];
  for (let i = 0; i < 3000; i++) {
    let text = random.pick(notices);
    for (let edits = random.int(1, 3); edits > 0; edits--) {
      const at = random.int(0, text.length);
      const kind = random.int(0, 2);
      if (kind === 0) text = text.slice(0, at) + random.pick(pieces) + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + random.int(1, 3));
      else text = text.slice(0, at) + random.pick(pieces) + text.slice(at + 1);
    }
    checkContract(text, JSON.stringify(text));
  }
});
