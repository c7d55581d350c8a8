/**
 * The availability downloads: /availability.csv and /availability.json, and
 * /services/<id>/availability.csv and .json. Thin: the bytes come from
 * src/outputs/availability-downloads.ts.
 */
import type { ServiceView, SiteModel } from '../../../model/model.ts';
import { availabilityCsv, availabilityDownloads, availabilityJson } from '../../../outputs/availability-downloads.ts';

type Output = { serviceId?: string; format: 'csv' | 'json'; path: string };

export const data = {
  pagination: {
    data: 'site.services',
    size: 1,
    alias: 'output',
    // The site's two files, then two per service.
    before: (services: ServiceView[]): Output[] => [
      ...availabilityDownloads('/').map(({ format, href }) => ({ format, path: href })),
      ...services.flatMap((service) =>
        availabilityDownloads(service.url).map(({ format, href }) => ({ serviceId: service.id, format, path: href })),
      ),
    ],
  },
  permalink: ({ output }: { output: Output }) => output.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, output }: { site: SiteModel; output: Output }): string {
  return output.format === 'csv' ? availabilityCsv(site, output.serviceId) : availabilityJson(site, output.serviceId);
}
