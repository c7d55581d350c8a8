/**
 * The fast paths for notice keys (src/content/notice-fast-paths.ts) against
 * their contract: for any value of any key, validating with them gives the
 * very values and problems that zod alone gives, and the common values of
 * real notices do take the fast path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNSURE, validateFields, type FastPaths, type FieldSchemas } from '../src/content/fields.ts';
import { noticeFastPaths, updateFastPaths, windowFastPaths } from '../src/content/notice-fast-paths.ts';
import { noticeFields, updateFields, windowFields } from '../src/content/notice.ts';
import { parseYaml } from '../src/content/yaml-source.ts';

const ZONES = ['America/Los_Angeles', 'Europe/Berlin', 'UTC'];

const long = (units: number) => 'a'.repeat(units);
/** Values a front matter may hold for a key, valid and not, common and odd. */
const VALUES: unknown[] = [
  '', ' ', 'x', '  x  ', 'a\nb', 'a\rb', ' a\n', '\u00a0x\u00a0', long(199), long(200), long(201), long(299), long(300), long(301),
  // 200 and 300 UTF-16 units that are fewer code points, and one over.
  `${long(198)}😀`, `${long(199)}😀`, `${long(298)}😀`, `${long(299)}😀`,
  '2026-06-09 12:30', ' 2026-06-09 12:30 ', '2026-06-09T12:30:05', '2026-06-09 12:30Z', '2026-06-09 12:30 +02:00',
  '2026-03-08 02:30', '2026-11-01 01:30', '2026-03-29 02:30', '2026-10-25 02:30', '2026-06-09', '2026-02-30 10:00', 'yesterday',
  '30m', '90m', '2h', '1h30m', '3d', '0m', ' 30m ', '30 m', '',
  'incident', 'maintenance', 'notice', 'Incident', 'none', 'minor', 'major', 'critical', 'low', 'resolved', 'update', 'in-progress',
  0, 30, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, true, false,
  [], ['a'], ['a', 'b'], [' a ', 'b '], [''], [' '], ['a', 1], [1], [null], [['a']], ['dsl', 'imap'],
  [{}], [{ at: '2026-06-09 12:30', body: 'x' }],
  {}, { start: '2026-06-09 12:30' }, { type: 'alertmanager', id: 'x' }, { type: 'alertmanager', id: '' },
];

function problemsFor<F extends FieldSchemas>(fields: F, fast: FastPaths<F>, path: (string | number)[]) {
  const { source } = parseYaml('title: x\n', 'posts/2026/06/x.md');
  for (const key of Object.keys(fields)) {
    for (const value of VALUES) {
      const data = { [key]: value };
      const slow = validateFields(source, data, fields, [], path);
      const quick = validateFields(source, data, fields, [], path, [], fast);
      assert.deepStrictEqual(quick, slow, `${key}: ${JSON.stringify(value)}`);
    }
  }
}

test('with the fast paths, every value of every key validates to the same values and problems as with zod alone', () => {
  for (const zone of ZONES) {
    problemsFor(noticeFields(zone), noticeFastPaths(zone), []);
    problemsFor(windowFields(zone), windowFastPaths(zone), ['window']);
    problemsFor(updateFields(zone), updateFastPaths(zone), ['updates', 0]);
  }
});

test('the common values of a notice take the fast path', () => {
  const zone = 'America/Los_Angeles';
  const notice = noticeFastPaths(zone);
  const window = windowFastPaths(zone);
  const update = updateFastPaths(zone);
  const taken = [
    notice.title!('DSL outage in the east'),
    notice.type!('incident'),
    notice.date!('2026-06-09 12:30'),
    notice.authors!(['Nathan', 'Tomás']),
    notice.authors!('Maria'),
    notice.services!(['dsl']),
    notice.impact!('major'),
    notice.updates!([{ at: '2026-06-09 13:00', body: 'Fixed.' }]),
    notice.draft!(false),
    window.start!('2026-06-10 21:30'),
    window.duration!('30m'),
    update.at!('2026-06-10 21:56'),
    update.status!('resolved'),
    update.body!('The work has begun.'),
  ];
  assert.ok(taken.every((value) => value !== UNSURE));
  assert.deepStrictEqual(notice.authors!('Maria'), ['Maria']);
  assert.deepStrictEqual(notice.date!('2026-06-09 12:30'), new Date('2026-06-09T19:30:00Z'));
});
