/**
 * The site's machine-readable outputs, as data: where each is written, its
 * media type, whether pages link it as an alternate, and whether other sites'
 * scripts may read it (CORS). Links (feeds.ts), the output templates and the
 * deploy headers (headers.ts, `_headers`) all read this list, so a new output
 * is declared once; tests/output-registry.test.ts checks deploy/nginx.conf,
 * which cannot read it, against it.
 *
 * Pages, stylesheets and scripts are not here: they are served by extension.
 */

/** The folders an output exists in: the site's root ('/'), and each service's url ('/services/<id>/'). */
export type OutputScope = 'site' | 'service';

/**
 * Each scope's folders as a deploy rule's path pattern: a service's url is
 * `/services/<id>/` (src/model/model.ts), `*` standing for the id.
 */
export const SCOPE_PATTERNS: Record<OutputScope, string> = { site: '/', service: '/services/*/' };

/** The Statuspage-compatible API files (spec §5), relative to the site's root. */
export const STATUSPAGE_FILES = [
  'api/v2/summary.json',
  'api/v2/status.json',
  'api/v2/components.json',
  'api/v2/incidents.json',
  'api/v2/incidents/unresolved.json',
  'api/v2/scheduled-maintenances.json',
  'api/v2/scheduled-maintenances/upcoming.json',
  'api/v2/scheduled-maintenances/active.json',
] as const;

export interface Output {
  /** Unique; what a failing deploy test names. */
  name: string;
  /** Relative to its base folder ('/' or a service's url). */
  file: string;
  /** Without parameters: every output is UTF-8 text, served with `; charset=utf-8`. */
  mediaType: string;
  /** Pages offer it with this relation (a `<link rel>` or a subscribe link). */
  rel?: 'alternate';
  /** Its name where pages link it. */
  title?: string;
  scopes: readonly OutputScope[];
  /** Readable from other origins (`Access-Control-Allow-Origin: *`): meant for other sites' scripts and dashboards. */
  crossOrigin: boolean;
}

const BOTH: readonly OutputScope[] = ['site', 'service'];
const SITE: readonly OutputScope[] = ['site'];

export const FEED_OUTPUTS = [
  { name: 'rss', file: 'feed.xml', mediaType: 'application/rss+xml', rel: 'alternate', title: 'RSS', scopes: BOTH, crossOrigin: true },
  { name: 'atom', file: 'atom.xml', mediaType: 'application/atom+xml', rel: 'alternate', title: 'Atom', scopes: BOTH, crossOrigin: true },
  { name: 'json', file: 'feed.json', mediaType: 'application/feed+json', rel: 'alternate', title: 'JSON Feed', scopes: BOTH, crossOrigin: true },
] as const satisfies readonly Output[];

export const CALENDAR_OUTPUT = {
  name: 'ics',
  file: 'maintenance.ics',
  mediaType: 'text/calendar',
  rel: 'alternate',
  title: 'Maintenance calendar (iCalendar)',
  scopes: BOTH,
  crossOrigin: true,
} as const satisfies Output;

export const AVAILABILITY_OUTPUTS = [
  { name: 'availability-csv', file: 'availability.csv', mediaType: 'text/csv', scopes: BOTH, crossOrigin: false },
  { name: 'availability-json', file: 'availability.json', mediaType: 'application/json', scopes: BOTH, crossOrigin: false },
] as const satisfies readonly Output[];

export const STATUSPAGE_OUTPUTS: readonly Output[] = STATUSPAGE_FILES.map((file) => ({
  name: `statuspage ${file}`,
  file,
  mediaType: 'application/json',
  scopes: SITE,
  crossOrigin: true,
}));

export const BUILD_INFO_OUTPUT = { name: 'build-info', file: 'build.json', mediaType: 'application/json', scopes: SITE, crossOrigin: false } as const satisfies Output;

export const BADGE_OUTPUT = { name: 'badge', file: 'badge.svg', mediaType: 'image/svg+xml', scopes: BOTH, crossOrigin: false } as const satisfies Output;

/** Every machine-readable output, in the order deploy headers list them. */
export const OUTPUTS: readonly Output[] = [
  ...FEED_OUTPUTS,
  CALENDAR_OUTPUT,
  ...AVAILABILITY_OUTPUTS,
  ...STATUSPAGE_OUTPUTS,
  BUILD_INFO_OUTPUT,
  BADGE_OUTPUT,
];

/** The Content-Type an output is served with. */
export function contentType(output: Output): string {
  return `${output.mediaType}; charset=utf-8`;
}

/** An output's site-relative path in folder `base` ('/' or a service's url). */
export function outputPath(output: Output, base: string): string {
  return `${base}${output.file}`;
}
