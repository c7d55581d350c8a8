/** `/YYYY/MM/DD/<slug>/`: one notice with its update timeline. */
import { html } from '../html.ts';
import type { NoticeView, SiteModel } from '../../model/model.ts';
import { page } from '../parts/layout.ts';
import { noticeArticle } from '../parts/notice.ts';

export const data = {
  pagination: { data: 'site.noticePages', size: 1, alias: 'notice' },
  permalink: (data: { notice: NoticeView }) => data.notice.url,
};

export function render({ site, notice }: { site: SiteModel; notice: NoticeView }): string {
  return page({
    site,
    title: notice.title,
    url: notice.url,
    description: notice.summary || undefined,
    body: html`${noticeArticle(notice, site, { level: 1 })}
<p class="more"><a href="${notice.month.url}">${site.locale.t('notice.all_from_month', { month: site.locale.dates.month(notice.month.year, notice.month.month) })}</a></p>`,
  }).toString();
}
