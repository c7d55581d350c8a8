/**
 * Turns a NOC engineer's answers into a new notice file: valid front matter in
 * the site's zone, a short body to edit, and the URL it will have.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { SiteConfig } from '../config.ts';
import { DEFAULT_IMPACT, type Impact, type NoticeType } from '../notice.ts';
import { formatLocalTime } from './local-time.ts';
import { localDate } from '../zoned-format.ts';

export interface NewNoticeAnswers {
  type: NoticeType;
  title: string;
  services: string[];
  impact?: Impact;
  start: Date;
  /** A duration as written (`90m`), or undefined for an open-ended incident. */
  duration?: string;
  authors: string[];
  /** Publication time; defaults to now. */
  date: Date;
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

export function newNoticeFile(answers: NewNoticeAnswers, config: SiteConfig): { path: string; url: string; text: string } {
  const zone = config.timezone;
  const slug = slugify(answers.title);
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
  front.impact = answers.impact ?? DEFAULT_IMPACT[answers.type];
  const doc = new Document(front);
  for (const key of ['services', 'authors']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const window = doc.get('window', true);
  if (isMap(window)) window.flow = false;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const date = localDate(answers.date, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    path: `posts/${date.year}/${pad(date.month)}/${slug}.md`,
    url: `${config.url}/${date.year}/${pad(date.month)}/${pad(date.day)}/${slug}/`,
    text: `---\n${yaml}---\n${BODY_HINT[answers.type]}\n`,
  };
}
