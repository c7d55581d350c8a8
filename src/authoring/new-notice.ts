/**
 * Turns a NOC engineer's answers into a new notice file: valid front matter in
 * the site's zone and a short body to edit, checked by the validator `check`
 * and the build use, which also gives the URL the notice will have.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { SiteConfig } from '../config.ts';
import { parseNotice } from '../load-notices.ts';
import type { Impact, Notice, NoticeSource, NoticeType } from '../notice.ts';
import type { Problem } from '../problems.ts';
import { formatLocalTime } from './local-time.ts';
import { localDate } from '../zoned-format.ts';

export interface NewNoticeAnswers {
  type: NoticeType;
  title: string;
  services: string[];
  impact: Impact;
  start: Date;
  /** A duration as written (`90m`), or undefined for an open-ended incident. */
  duration?: string;
  authors: string[];
  /** Publication time (the commands pass now). */
  date: Date;
  /** Written as `draft: true` (ingest's notices, until a person publishes them). */
  draft?: boolean;
  /** The alert a notice was opened for (ingest). */
  source?: NoticeSource;
  /** The body; default: a hint on what to write. */
  body?: string;
  /** The file's slug; default: from the title. */
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

/** "IMAP slow!" -> "imap-slow" */
export function slugify(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'notice'
  );
}

const BODY_HINT: Record<NoticeType, string> = {
  incident: 'Describe what customers see, since when, and what we are doing about it.',
  maintenance: 'Describe the work, what customers may notice, and how long it will take.',
  notice: 'Describe the change and what it means for customers.',
};

export function newNoticeFile(answers: NewNoticeAnswers, config: SiteConfig): NewNoticeFile {
  const zone = config.timezone;
  const slug = answers.slug ?? slugify(answers.title);
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
  const doc = new Document(front);
  for (const key of ['services', 'authors']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const window = doc.get('window', true);
  if (isMap(window)) window.flow = false;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const date = localDate(answers.date, zone);
  const path = `posts/${date.year}/${String(date.month).padStart(2, '0')}/${slug}.md`;
  const text = `---\n${yaml}---\n${answers.body ?? BODY_HINT[answers.type]}\n`;
  return { path, text, ...parseNotice(text, path, config) };
}
