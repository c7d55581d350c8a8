/**
 * The site-wide feeds and calendar (spec §5): /feed.xml, /atom.xml, /feed.json
 * and /maintenance.ics. Thin: the bytes come from src/outputs/, unchanged (no
 * layout, no transforms).
 */
import type { SiteModel } from '../../../model/model.ts';
import { renderCalendar } from '../../../outputs/calendar.ts';
import { defaultCalendarEventCache } from '../../../site/load-site.ts';
import { outputLinks, renderFeed, siteFeedScope, type OutputLink } from '../../../outputs/feeds.ts';

type Output = { format: OutputLink['format']; path: string };

const OUTPUTS: Output[] = outputLinks('/').map(({ format, href }) => ({ format, path: href }));

export const data = {
  outputs: OUTPUTS,
  pagination: { data: 'outputs', size: 1, alias: 'output' },
  permalink: ({ output }: { output: Output }) => output.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, output }: { site: SiteModel; output: Output }): string {
  if (output.format === 'ics') return renderCalendar(site, undefined, defaultCalendarEventCache);
  return renderFeed(site, siteFeedScope(site), output.format);
}
