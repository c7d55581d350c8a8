/**
 * Turns a NOC engineer's answers into a new notice file: valid front matter in
 * the site's zone and a short body to edit, checked by the validator `check`
 * and the build use, which also gives the URL the notice will have.
 */
import { slugify as transliterate } from 'transliteration';
import { yamlLib } from '../content/yaml-lib.ts';
import type { SiteConfig } from '../content/config.ts';
import { parseNotice } from '../content/parse-notice.ts';
import type { Impact, Notice, NoticeSource, NoticeType } from '../content/notice.ts';
import type { Problem } from '../content/problems.ts';
import { formatLocalTime } from './local-time.ts';
import { localDate } from '../time/zoned-format.ts';

export interface NewNoticeAnswers {
  type: NoticeType;
  title: string;
  services: string[];
  impact: Impact;
  start: Date;
  /** A duration as written (`90m`), or undefined for an open-ended incident. */
  duration?: string;
  authors: string[];
  /** Publication time (now, or --date). */
  date: Date;
  /** Markdown, what customers see. */
  body: string;
  /** Written as `draft: true` (ingest's notices, until a person publishes them). */
  draft?: boolean;
  /** The alert a notice was opened for (ingest). */
  source?: NoticeSource;
  /** The file's slug; default: from the title, numbered when taken. */
  slug?: string;
}

export interface NewNoticeFile {
  /** Where to write it, relative to the site root. */
  path: string;
  text: string;
  /** The notice as the build will read it; undefined when `problems` is not empty. */
  notice?: Notice;
  problems: Problem[];
}

/**
 * "IMAP slow!" -> "imap-slow", "Störung im Netz" -> "storung-im-netz",
 * "日本語" -> "ri-ben-yu": other scripts are transliterated to ASCII
 * (the transliteration package); a title with nothing left gives "".
 */
export function slugify(title: string): string {
  return transliterate(title, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * The file for `answers`. `taken` says whether a path is in use: a second
 * notice with the same title in the same month gets `-2`, `-3`, … rather than
 * a refusal. A title with no letters to keep is named by its type and time
 * (`incident-0305`).
 */
export function newNoticeFile(answers: NewNoticeAnswers, config: SiteConfig, taken: (path: string) => boolean = () => false): NewNoticeFile {
  const zone = config.timezone;
  const date = localDate(answers.date, zone);
  const base = answers.slug ?? (slugify(answers.title) || `${answers.type}-${formatLocalTime(answers.date, zone).slice(11, 16).replace(':', '')}`);
  const folder = `posts/${date.year}/${String(date.month).padStart(2, '0')}`;
  let slug = base;
  for (let n = 2; taken(`${folder}/${slug}.md`); n++) slug = `${base}-${n}`;
  const front: Record<string, unknown> = {
    title: answers.title,
    type: answers.type,
    date: formatLocalTime(answers.date, zone),
  };
  if (answers.type !== 'notice') {
    front.window = { start: formatLocalTime(answers.start, zone), ...(answers.duration ? { duration: answers.duration } : {}) };
  }
  if (answers.services.length) front.services = answers.services;
  front.authors = answers.authors;
  front.impact = answers.impact;
  if (answers.draft) front.draft = true;
  if (answers.source) front.source = { ...answers.source };
  const { Document, isMap, isSeq } = yamlLib();
  const doc = new Document(front);
  for (const key of ['services', 'authors']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const window = doc.get('window', true);
  if (isMap(window)) window.flow = false;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const path = `${folder}/${slug}.md`;
  const text = `---\n${yaml}---\n${answers.body.trim()}\n`;
  return { path, text, ...parseNotice(text, path, config) };
}
