/**
 * One synthetic notice's front matter of each type (incident, maintenance,
 * plain notice): its keys, windows and updates, valid per the notice-format
 * spec, with times kept away from the small hours (see corpus.ts).
 */
import { SERVICES } from './corpus-site.ts';
import { AUTHORS, INCIDENT_TITLES, MAINTENANCE_TITLES, NOTICE_TITLES, PLACES, UPDATE_SENTENCES } from './corpus-text.ts';
import type { Random } from './random.ts';
import { DAY, durationText, MINUTE, wall } from './wall-clock.ts';

const q = (text: string) => JSON.stringify(text);

export interface Draft {
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

export function incident(rng: Random, posted: number, allowOpen: boolean): Draft {
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

export function maintenance(rng: Random, posted: number, now: number): Draft {
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

export function plainNotice(rng: Random, posted: number): Draft {
  const title = rng.pick(NOTICE_TITLES)(rng.pick(PLACES));
  const lines = [`title: ${q(title)}`, 'type: notice', `date: ${wall(posted)}`];
  if (rng.chance(0.5)) lines.push(`services: [${services(rng).join(', ')}]`);
  lines.push(rng.chance(0.5) ? `authors: ${rng.pick(AUTHORS)}` : `authors: [${rng.sample(AUTHORS, 2).join(', ')}]`);
  const list = rng.chance(0.15) ? [{ at: posted + rng.int(1, 6) * 30 * MINUTE, status: 'update' }] : [];
  lines.push(...updatesYaml(list, rng));
  return { title, lines, updates: list.length };
}
