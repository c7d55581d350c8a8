/**
 * The site-wide feeds and calendar (spec §5): /feed.xml, /atom.xml, /feed.json
 * and /maintenance.ics. Thin: the bytes come from src/outputs/, unchanged (no
 * layout, no transforms).
 */
import type { SiteModel } from '../../src/model.ts';
import { renderCalendar } from '../../src/outputs/calendar.ts';
import { FEED_FILES, renderFeed, siteFeedScope, type FeedFormat } from '../../src/outputs/feeds.ts';

type Output = { format: FeedFormat | 'ics'; path: string };

const OUTPUTS: Output[] = [
  ...(Object.entries(FEED_FILES) as [FeedFormat, string][]).map(([format, file]) => ({ format, path: `/${file}` })),
  { format: 'ics', path: '/maintenance.ics' },
];

export const data = {
  outputs: OUTPUTS,
  pagination: { data: 'outputs', size: 1, alias: 'output' },
  permalink: ({ output }: { output: Output }) => output.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, output }: { site: SiteModel; output: Output }): string {
  if (output.format === 'ics') return renderCalendar(site);
  return renderFeed(site, siteFeedScope(site), output.format);
}
