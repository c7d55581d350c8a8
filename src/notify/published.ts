/**
 * What counts as published at an instant, for notify alone. Kept in this one
 * place so it can be swapped for the model's own predicate when the model
 * stops showing future-dated notices: a draft is never published, a notice
 * is from its `date` on, an update from its `at` on.
 */
import type { Notice, Update } from '../notice.ts';

export function isNoticePublishedAt(notice: Notice, now: Date): boolean {
  return !notice.draft && notice.date.getTime() <= now.getTime();
}

export function isUpdatePublishedAt(notice: Notice, update: Update, now: Date): boolean {
  return isNoticePublishedAt(notice, now) && update.at.getTime() <= now.getTime();
}
