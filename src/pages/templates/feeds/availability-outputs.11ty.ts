/**
 * The availability downloads: /availability.csv and /availability.json, and
 * /services/<id>/availability.csv and .json. Thin: the bytes come from
 * src/outputs/availability-downloads.ts.
 */
import type { ServiceReport } from '../../../model/availability-report.ts';
import type { SiteModel } from '../../../model/model.ts';
import { availabilityCsv, availabilityDownloads, availabilityJson } from '../../../outputs/availability-downloads.ts';

type Output = { serviceId?: string; format: 'csv' | 'json'; path: string };

export const data = {
  pagination: {
    // The services whose availability this build renders: all of them, but in a rebuild under `npm start`.
    data: 'site.availabilityPages',
    size: 1,
    alias: 'output',
    // The site's two files, then two per service (at the service's URL, `/services/<id>/`).
    before: (reports: ServiceReport[]): Output[] => [
      ...availabilityDownloads('/').map(({ format, href }) => ({ format, path: href })),
      ...reports.flatMap(({ serviceId }) =>
        availabilityDownloads(`/services/${serviceId}/`).map(({ format, href }) => ({ serviceId, format, path: href })),
      ),
    ],
  },
  permalink: ({ output }: { output: Output }) => output.path,
  eleventyExcludeFromCollections: true,
};

export function render({ site, output }: { site: SiteModel; output: Output }): string {
  return output.format === 'csv' ? availabilityCsv(site, output.serviceId) : availabilityJson(site, output.serviceId);
}
