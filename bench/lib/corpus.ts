/**
 * A deterministic synthetic archive for benchmarks and scale tests: twenty
 * years of an ISP's notices (incidents with 0-4 updates, maintenance, plain
 * notices), a catalog of 12 services in 4 groups, bodies of 80-400 words with
 * lists and links. The same seed and count give the same bytes.
 *
 * Every file is valid per the notice-format spec. Times are written in the
 * site's zone (America/Los_Angeles) and kept away from the small hours, where
 * daylight saving makes local times missing or ambiguous: notices are posted
 * between 08:00 and 18:00, updates follow within hours, and night maintenance
 * windows run 21:00-01:00. Local arithmetic is done on "wall-clock" numbers
 * (Date.UTC of the local fields), which is exact away from the 02:00 changes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../../src/authoring/new-notice.ts';
import { Random } from './random.ts';
import { AUTHORS, INCIDENT_TITLES, LINKS, LIST_ITEMS, MAINTENANCE_TITLES, NOTICE_TITLES, PLACES, SENTENCES, SERVICES, UPDATE_SENTENCES } from './corpus-words.ts';

export { SERVICES };

export const BENCH_SEED = 20080926;
export const BENCH_ZONE = 'America/Los_Angeles';
/** The benchmark's fixed "now" (STATUS_NOW), in the site's zone. */
export const BENCH_NOW = '2026-06-15 12:00';
export const BENCH_FEED_ITEMS = 50;
const BENCH_YEARS = 20;

export interface CorpusOptions {
  notices: number;
  seed?: number;
  /** Local wall time "YYYY-MM-DD HH:MM" the archive ends at (STATUS_NOW). */
  now?: string;
  years?: number;
}

interface CorpusFile {
  /** Relative to the site root, `/`-separated. */
  path: string;
  text: string;
}

export interface CorpusSummary {
  notices: number;
  incidents: number;
  maintenance: number;
  plain: number;
  updates: number;
  bytes: number;
  first: string;
  last: string;
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const pad = (n: number) => String(n).padStart(2, '0');

/** Wall-clock milliseconds (Date.UTC of the local fields) as "YYYY-MM-DD HH:MM". */
function wall(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function parseWall(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`not a local time: ${text}`);
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!);
}

function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}`;
}

const q = (text: string) => JSON.stringify(text);

function body(rng: Random): string {
  const target = rng.int(80, 400);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    if (paragraphs.length > 0 && rng.chance(0.2)) {
      const items = rng.sample(LIST_ITEMS, rng.int(2, 4));
      paragraphs.push(items.map((item) => `- ${item}`).join('\n'));
      words += items.join(' ').split(' ').length;
      continue;
    }
    const sentences: string[] = [];
    for (let i = rng.int(2, 5); i > 0; i--) sentences.push(rng.pick(SENTENCES));
    if (rng.chance(0.35)) sentences.push(`For details see ${rng.pick(LINKS)}.`);
    if (rng.chance(0.1)) sentences[0] = `**Update:** ${sentences[0]}`;
    const text = sentences.join(' ');
    paragraphs.push(text);
    words += text.split(' ').length;
  }
  return paragraphs.join('\n\n');
}

interface Draft {
  title: string;
  /** Front-matter lines. */
  lines: string[];
  updates: number;
  /** An incident left ongoing (no end, not resolved). */
  open?: boolean;
}

function updatesYaml(list: { at: number; status: string }[], rng: Random): string[] {
  if (!list.length) return [];
  const lines = ['updates:'];
  for (const update of list) {
    lines.push(`  - at: ${wall(update.at)}`);
    if (update.status !== 'update' || rng.chance(0.5)) lines.push(`    status: ${update.status}`);
    lines.push(`    body: ${q(rng.pick(UPDATE_SENTENCES[update.status]!))}`);
  }
  return lines;
}

function services(rng: Random): string[] {
  const count = rng.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ] as const);
  return rng.sample(
    SERVICES.map((service) => service.id),
    count,
  );
}

function incident(rng: Random, posted: number, allowOpen: boolean): Draft {
  const affected = services(rng);
  const name = SERVICES.find((service) => service.id === affected[0])!.name;
  const title = rng.pick(INCIDENT_TITLES)(name, rng.pick(PLACES));
  const start = posted - rng.int(1, 12) * 5 * MINUTE;
  const statuses = ['investigating', 'identified', 'monitoring', 'resolved'];
  const count = rng.weighted([
    [0, 30],
    [1, 20],
    [2, 20],
    [3, 15],
    [4, 15],
  ] as const);
  const open = allowOpen && rng.chance(0.5);
  const list: { at: number; status: string }[] = [];
  let at = posted;
  let stage = 0;
  for (let i = 0; i < count; i++) {
    at += rng.int(2, 8) * 5 * MINUTE;
    let status: string;
    if (rng.chance(0.15)) status = 'update';
    else {
      stage = Math.min(stage + rng.int(0, 1), 2);
      status = statuses[i === count - 1 && !open && rng.chance(0.6) ? 3 : stage]!;
    }
    list.push({ at, status });
  }
  const resolvedByUpdate = list.some((update) => update.status === 'resolved');
  const lines = [`title: ${q(title)}`, 'type: incident', `date: ${wall(posted)}`, 'window:', `  start: ${wall(start)}`];
  if (!open && !resolvedByUpdate) {
    if (rng.chance(0.5)) lines.push(`  duration: ${durationText(rng.int(1, 36) * 5)}`);
    else lines.push(`  end: ${wall(Math.max(at, posted) + rng.int(1, 12) * 5 * MINUTE)}`);
  }
  lines.push(`services: [${affected.join(', ')}]`);
  lines.push(`authors: [${rng.sample(AUTHORS, rng.int(1, 2)).join(', ')}]`);
  if (rng.chance(0.8)) lines.push(`impact: ${rng.weighted([['none', 5], ['minor', 40], ['major', 40], ['critical', 15]] as const)}`);
  if (rng.chance(0.2)) lines.push(`summary: ${q(`${name} was affected; details inside.`)}`);
  lines.push(...updatesYaml(list, rng));
  return { title, lines, updates: list.length, open };
}

function maintenance(rng: Random, posted: number, now: number): Draft {
  const affected = services(rng);
  const name = SERVICES.find((service) => service.id === affected[0])!.name;
  const title = rng.pick(MAINTENANCE_TITLES)(name, rng.pick(PLACES));
  const day = Math.floor(posted / DAY) * DAY + rng.int(1, 14) * DAY;
  const night = rng.chance(0.8);
  // Night windows start 21:00-22:30 and last at most 90 minutes: never near 02:00.
  const start = night ? day + (21 * 60 + rng.int(0, 18) * 5) * MINUTE : day + (9 + rng.int(0, 6)) * 60 * MINUTE;
  const minutes = rng.pick([5, 15, 30, 45, 60, 90]);
  const end = start + minutes * MINUTE;
  const list: { at: number; status: string }[] = [];
  if (rng.chance(0.1)) {
    list.push({ at: Math.min(posted + 3 * 60 * MINUTE, start - MINUTE), status: 'cancelled' });
  } else if (end <= now) {
    if (rng.chance(0.3)) list.push({ at: start, status: 'in-progress' });
    if (rng.chance(0.6)) list.push({ at: end - rng.int(0, minutes > 5 ? 4 : 0) * MINUTE, status: 'completed' });
  } else if (rng.chance(0.3)) {
    list.push({ at: posted + 2 * 60 * MINUTE, status: 'scheduled' });
  }
  const lines = [`title: ${q(title)}`, 'type: maintenance', `date: ${wall(posted)}`, 'window:', `  start: ${wall(start)}`];
  if (rng.chance(0.6)) lines.push(`  duration: ${durationText(minutes)}`);
  else lines.push(`  end: ${wall(end)}`);
  lines.push(`services: [${affected.join(', ')}]`);
  lines.push(`authors: [${rng.sample(AUTHORS, rng.int(1, 2)).join(', ')}]`);
  if (rng.chance(0.3)) lines.push(`impact: ${rng.pick(['none', 'minor', 'major'])}`);
  lines.push(...updatesYaml(list, rng));
  return { title, lines, updates: list.length };
}

function plainNotice(rng: Random, posted: number): Draft {
  const title = rng.pick(NOTICE_TITLES)(rng.pick(PLACES));
  const lines = [`title: ${q(title)}`, 'type: notice', `date: ${wall(posted)}`];
  if (rng.chance(0.5)) lines.push(`services: [${services(rng).join(', ')}]`);
  lines.push(rng.chance(0.5) ? `authors: ${rng.pick(AUTHORS)}` : `authors: [${rng.sample(AUTHORS, 2).join(', ')}]`);
  const list = rng.chance(0.15) ? [{ at: posted + rng.int(1, 6) * 30 * MINUTE, status: 'update' }] : [];
  lines.push(...updatesYaml(list, rng));
  return { title, lines, updates: list.length };
}

/** The site config of the synthetic ISP: 12 services in 4 groups. */
function corpusConfig(): string {
  const lines = [
    'title: Bench ISP Network Status',
    'url: https://status.bench.example',
    `timezone: ${BENCH_ZONE}`,
    'language: en',
    'description: Planned maintenance, incidents and notices (synthetic benchmark archive)',
    `feed_items: ${BENCH_FEED_ITEMS}`,
    'services:',
  ];
  for (const service of SERVICES) {
    lines.push(`  - id: ${service.id}`, `    name: ${q(service.name)}`, `    group: ${service.group}`, `    description: ${q(service.description)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The corpus as files, in a fixed order. Notice dates are spread over `years`
 * years before `now`; the newest maintenance windows fall after `now`, so the
 * site has upcoming maintenance, and the last days may hold an open incident.
 */
function* corpusFiles(options: CorpusOptions, summary?: CorpusSummary): Generator<CorpusFile> {
  const rng = new Random(options.seed ?? BENCH_SEED);
  const now = parseWall(options.now ?? BENCH_NOW);
  const years = options.years ?? BENCH_YEARS;
  const today = Math.floor(now / DAY) * DAY;
  const first = Date.UTC(new Date(now).getUTCFullYear() - years, new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const days = Math.round((today - first) / DAY);
  const dayOf: number[] = [];
  for (let i = 0; i < options.notices; i++) dayOf.push(first + rng.int(0, days - 1) * DAY);
  dayOf.sort((a, b) => a - b);

  yield { path: 'site.config.yaml', text: corpusConfig() };
  const slugsByFolder = new Map<string, Set<string>>();
  let openAllowed = true;
  for (const day of dayOf) {
    const posted = day + (8 * 60 + rng.int(0, 119) * 5) * MINUTE; // 08:00-17:55
    const type = rng.weighted([
      ['incident', 45],
      ['maintenance', 40],
      ['notice', 15],
    ] as const);
    const recent = now - day < 2 * DAY;
    const draft =
      type === 'incident'
        ? incident(rng, posted, recent && openAllowed)
        : type === 'maintenance'
          ? maintenance(rng, posted, now)
          : plainNotice(rng, posted);
    // At most one incident is still open at "now", as on a real status page.
    if (draft.open) openAllowed = false;
    const date = new Date(day);
    const folder = `posts/${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}`;
    let slugs = slugsByFolder.get(folder);
    if (!slugs) slugsByFolder.set(folder, (slugs = new Set()));
    const base = slugify(draft.title);
    let slug = base;
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
    slugs.add(slug);
    const text = `---\n${draft.lines.join('\n')}\n---\n${body(rng)}\n`;
    if (summary) {
      summary.notices++;
      summary.updates += draft.updates;
      if (type === 'incident') summary.incidents++;
      else if (type === 'maintenance') summary.maintenance++;
      else summary.plain++;
      summary.bytes += Buffer.byteLength(text);
      summary.first ||= wall(posted);
      summary.last = wall(posted);
    }
    yield { path: `${folder}/${slug}.md`, text };
  }
}

/** Writes the corpus under `dir` (replacing its `posts/` and config). */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  const summary: CorpusSummary = { notices: 0, incidents: 0, maintenance: 0, plain: 0, updates: 0, bytes: 0, first: '', last: '' };
  rmSync(join(dir, 'posts'), { recursive: true, force: true });
  const made = new Set<string>();
  for (const file of corpusFiles(options, summary)) {
    const folder = file.path.split('/').slice(0, -1).join('/');
    if (folder && !made.has(folder)) {
      mkdirSync(join(dir, folder), { recursive: true });
      made.add(folder);
    }
    writeFileSync(join(dir, file.path), file.text);
  }
  return summary;
}
