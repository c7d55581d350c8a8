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
import { incident, maintenance, plainNotice } from './corpus-notices.ts';
import { corpusConfig } from './corpus-site.ts';
import { body } from './corpus-text.ts';
import { Random } from './random.ts';
import { DAY, MINUTE, pad, parseWall, wall } from './wall-clock.ts';

// The synthetic site's zone, feed length and catalog, for the benchmark and the scale tests.
export { BENCH_FEED_ITEMS, BENCH_ZONE, SERVICES } from './corpus-site.ts';

export const BENCH_SEED = 20080926;
/** The benchmark's fixed "now" (STATUS_NOW), in the site's zone. */
export const BENCH_NOW = '2026-06-15 12:00';
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
