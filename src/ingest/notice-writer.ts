/**
 * Turns alerts into changes to notice files, without writing anything: a
 * firing alert with no open notice becomes a new incident (a draft unless
 * `ingest.publish`); the same alert again changes nothing; its resolution
 * appends a `resolved` update at the alert's end to the notice that names it
 * in `source`, leaving every other byte as it was. Each changed file is
 * validated as `check` would before it is offered; any problem in any alert
 * means no change at all (the caller writes all or nothing).
 */
import { appendUpdate } from '../authoring/append-update.ts';
import { formatLocalTime } from '../authoring/local-time.ts';
import { newNoticeFile, slugify } from '../authoring/new-notice.ts';
import type { SiteConfig } from '../content/config.ts';
import { parseNotice } from '../content/parse-notice.ts';
import type { Impact, Notice } from '../content/notice.ts';
import { formatProblem } from '../content/problems.ts';
import { incidentEnd } from '../model/state.ts';
import type { Alert } from './alert.ts';
import { servicesFor } from './rules.ts';
import { fillTemplate } from './templates.ts';

export interface FileChange {
  /** Relative to the site root, e.g. `posts/2008/09/imap-down.md`. */
  path: string;
  /** The file's whole new text (a file changed twice in one payload, opened and resolved, is written once). */
  text: string;
}

export interface IngestPlan {
  changes: FileChange[];
  /** What each change did, one line each, for the person reading the output. */
  done: string[];
  /** Alerts that changed nothing, and why. */
  notes: string[];
  /** Problems that stop the whole payload. */
  errors: string[];
}

export interface ExistingNotices {
  notices: readonly Notice[];
  /** The current text of a notice file, by its path. */
  read(path: string): string;
  /** Whether a file exists at that path (a notice or not). */
  exists(path: string): boolean;
}

const minute = (date: Date) => Math.floor(date.getTime() / 60_000) * 60_000;
const oneLine = (text: string, max: number) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
};

/** The latest instant a Date holds: every written update counts as of it. */
const END_OF_TIME = new Date(8.64e15);

export function planIngest(alerts: readonly Alert[], config: SiteConfig, existing: ExistingNotices, now: Date): IngestPlan {
  const plan: IngestPlan = { changes: [], done: [], notes: [], errors: [] };
  const settings = config.ingest;
  const zone = config.timezone;
  const takenPaths = new Set<string>();
  const takenUrls = new Set(existing.notices.map((notice) => notice.url));
  /** The latest text of each file this plan changes, so two alerts on one notice stack up. */
  const texts = new Map<string, string>();
  const notices = [...existing.notices];

  for (const alert of alerts) {
    const label = `${alert.source} alert ${alert.id}`;
    const linked = notices.filter((notice) => notice.source?.type === alert.source && notice.source.id === alert.id);
    // Open as written, whatever the clock: a resolution already written (even
    // one dated after now, as an alert's end can be) is not written twice.
    const open = linked.find((notice) => notice.type === 'incident' && incidentEnd(notice, END_OF_TIME) === undefined);

    if (alert.status === 'resolved') {
      if (!open) {
        plan.notes.push(`${label} resolved: ${linked.length ? 'its notice is already resolved' : 'no notice names it'}; nothing to do`);
        continue;
      }
      const end = new Date(Math.max(minute(alert.endsAt ?? now), minute(open.date)));
      const before = texts.get(open.file) ?? existing.read(open.file);
      const body = fillTemplate(settings.resolved_body, alert) || 'Resolved.';
      const text = appendUpdate(before, { at: formatLocalTime(end, zone), status: 'resolved', body });
      const parsed = parseNotice(text, open.file, config);
      if (!parsed.notice) {
        plan.errors.push(...parsed.problems.map(formatProblem));
        continue;
      }
      texts.set(open.file, text);
      notices[notices.indexOf(open)] = parsed.notice;
      plan.done.push(`Resolved ${open.file} at ${formatLocalTime(end, zone)} (${label})`);
      continue;
    }

    const start = new Date(minute(alert.startsAt ?? now));
    if (open || linked.some((notice) => notice.window && minute(notice.window.start) === start.getTime())) {
      plan.notes.push(`${label} is firing: ${(open ?? linked[0])!.file} already covers it; nothing to do`);
      continue;
    }
    const matched = servicesFor(alert, settings.rules);
    if ('error' in matched) {
      plan.errors.push(matched.error);
      continue;
    }
    const title = oneLine(fillTemplate(settings.title, alert), 200) || oneLine(`${alert.source} alert ${alert.id}`, 200);
    const severity = alert.labels[settings.impact.label];
    const impact: Impact = (severity !== undefined ? settings.impact.values[severity.toLowerCase()] : undefined) ?? settings.impact.default;
    const body = fillTemplate(settings.body, alert) || 'Our monitoring reports a problem; we are looking into it.';
    const base = slugify(title);
    let file;
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      file = newNoticeFile(
        {
          type: 'incident',
          title,
          services: matched.services,
          impact,
          start,
          authors: settings.authors,
          date: start,
          draft: !settings.publish,
          source: { type: alert.source, id: alert.id },
          body,
          slug,
        },
        config,
      );
      const url = file.notice?.url;
      if (!takenPaths.has(file.path) && !existing.exists(file.path) && (url === undefined || !takenUrls.has(url))) break;
    }
    if (!file.notice) {
      plan.errors.push(...file.problems.map(formatProblem));
      continue;
    }
    takenPaths.add(file.path);
    takenUrls.add(file.notice.url);
    notices.push(file.notice);
    texts.set(file.path, file.text);
    plan.done.push(`Wrote ${file.path}: ${settings.publish ? '' : 'draft '}incident "${title}" on ${matched.services.join(', ')} (${label})`);
  }
  plan.changes = [...texts].map(([path, text]) => ({ path, text }));
  return plan;
}
