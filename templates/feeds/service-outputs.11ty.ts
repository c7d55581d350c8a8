/**
 * Each service's feeds and calendar (spec §5): /services/<id>/feed.xml,
 * atom.xml, feed.json and maintenance.ics, one output per service and format.
 * Thin: the bytes come from src/outputs/, unchanged.
 */
import type { ServiceView, SiteModel } from '../../src/model.ts';
import { renderCalendar } from '../../src/outputs/calendar.ts';
import { FEED_FILES, FEED_FORMATS, renderFeed, serviceFeedScope, type FeedFormat } from '../../src/outputs/feeds.ts';

type Output = { serviceId: string; format: FeedFormat | 'ics'; path: string };

const FORMATS: (FeedFormat | 'ics')[] = [...FEED_FORMATS, 'ics'];

export const data = {
  pagination: {
    data: 'site.services',
    size: 1,
    alias: 'output',
    // One page per service and format.
    before: (services: ServiceView[]): Output[] =>
      services.flatMap((service) =>
        FORMATS.map((format) => ({
          serviceId: service.id,
          format,
          path: `/services/${service.id}/${format === 'ics' ? 'maintenance.ics' : FEED_FILES[format]}`,
        })),
      ),
  },
  permalink: ({ output }: { output: Output }) => output.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, output }: { site: SiteModel; output: Output }): string {
  // Look the service up in the model itself rather than trusting a copy made by pagination.
  const service = site.services.find((candidate) => candidate.id === output.serviceId);
  if (!service) throw new Error(`unknown service ${output.serviceId}`);
  if (output.format === 'ics') return renderCalendar(site, service);
  return renderFeed(site, serviceFeedScope(site, service), output.format);
}
