/**
 * Each service's feeds and calendar (spec §5): /services/<id>/feed.xml,
 * atom.xml, feed.json and maintenance.ics, one output per service and format.
 * Thin: the bytes come from src/outputs/, unchanged.
 */
import type { ServiceView, SiteModel } from '../../../model/model.ts';
import { renderCalendar } from '../../../outputs/calendar.ts';
import { outputLinks, renderFeed, serviceFeedScope, type OutputLink } from '../../../outputs/feeds.ts';

type Output = { serviceId: string; format: OutputLink['format']; path: string };

export const data = {
  pagination: {
    data: 'site.feedServices',
    size: 1,
    alias: 'output',
    // One page per service and format.
    before: (services: ServiceView[]): Output[] =>
      services.flatMap((service) =>
        outputLinks(service.url).map(({ format, href }) => ({ serviceId: service.id, format, path: href })),
      ),
  },
  permalink: ({ output }: { output: Output }) => output.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, output }: { site: SiteModel; output: Output }): string {
  // Look the service up in the model itself rather than trusting a copy made by pagination.
  const service = site.serviceById.get(output.serviceId)!;
  if (output.format === 'ics') return renderCalendar(site, service);
  return renderFeed(site, serviceFeedScope(site, service), output.format);
}
