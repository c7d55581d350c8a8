/**
 * `site.config.yaml`: the one source of site settings (spec §3), validated like a notice.
 */
import { readFileSync } from 'node:fs';
import * as z from './zod.ts';
import { validateFields } from './fields.ts';
import { changedKeysOf } from './changed-keys.ts';
import { DEFAULT_NOTIFY, parseNotifyConfig, type NotifyConfig } from '../notify/config.ts';
import { didYouMean, type Problem } from './problems.ts';
import { embedField, type EmbedConfig } from '../outputs/embed-config.ts';
import { ingestField, type IngestConfig } from '../ingest/config.ts';
import type { Clock } from '../i18n/dates.ts';
import type { Messages } from '../i18n/catalog.ts';
import { clockField, localeConfigProblems, stringsField } from '../i18n/site-strings.ts';
import { isValidTimeZone } from '../time/time.ts';
import { lineOf, readYaml } from './yaml-source.ts';
import { brandingConfigFields, parseBranding, type BrandingConfig } from '../branding/config.ts';

export const SLUG_PATTERN = /^[a-z0-9-]+$/;

const SLA_ERROR = 'must be a percentage above 0 and below 100, e.g. 99.95';

export const serviceFields = {
  id: z.string().regex(SLUG_PATTERN, { error: 'must be a slug: lowercase a-z, 0-9 and - only' }),
  name: z.string().min(1).max(100),
  group: z.string().min(1).max(100),
  description: z.string().max(500),
  /** A service no longer offered: its notices stay valid and its pages stay, but it is off the home page, the current status and the API's components. */
  retired: z.boolean(),
  sla: z.number({ error: SLA_ERROR }).gt(0, { error: SLA_ERROR }).lt(100, { error: SLA_ERROR }),
};

export const REQUIRED_SERVICE_KEYS = ['id', 'name'] as const satisfies readonly (keyof typeof serviceFields)[];

export const configFields = {
  title: z.string().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://status.example.net' })
    // The feeds use a noncharacter as a stand-in (src/outputs/xml-safe.ts), and no real URL holds one.
    .refine((url) => !/[\uFDD0-\uFDEF\uFFFE\uFFFF]/.test(url), { error: 'must not contain Unicode noncharacters (U+FDD0-U+FDEF, U+FFFE, U+FFFF)' })
    .transform((url) => url.replace(/\/+$/, '')),
  timezone: z.string().refine(isValidTimeZone, {
    error: 'must be an IANA time zone name, e.g. America/Los_Angeles or Europe/Berlin',
  }),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag, e.g. en or en-US' }),
  /** Force a 12- or 24-hour clock; default: the language's own (docs/languages.md). */
  clock: clockField,
  /** Overrides of single messages of the locale (docs/languages.md). */
  strings: stringsField,
  description: z.string().max(500),
  feed_items: z
    .int({ error: 'must be a whole number from 1 to 1000' })
    .min(1, { error: 'must be a whole number from 1 to 1000' })
    .max(1000, { error: 'must be a whole number from 1 to 1000' }),
  allow_html: z.boolean(),
  services: z.array(z.unknown()).min(1, { error: 'must list at least one service' }),
  embed: embedField,
  ingest: ingestField,
  /** Validated by parseNotifyConfig (src/notify/config.ts). */
  notify: z.unknown(),
  /** `branding`, `navigation`, `footer`: validated by parseBranding (src/branding/config.ts). */
  ...brandingConfigFields,
};

/** Keys every site.config.yaml must have; the others have defaults. */
export const REQUIRED_CONFIG_KEYS = ['title', 'url', 'timezone', 'services'] as const satisfies readonly (keyof typeof configFields)[];

export interface Service {
  id: string;
  name: string;
  /** Absent: the service is listed ungrouped. */
  group?: string;
  description: string;
  retired: boolean;
  /** Availability target in percent (e.g. 99.95): months below it are marked in the availability reports. */
  sla?: number;
}

/** `branding` (logo, favicon, accent), `navigation` and `footer` come from BrandingConfig (docs/customising.md). */
export interface SiteConfig extends BrandingConfig {
  title: string;
  /** Absolute, without a trailing slash. */
  url: string;
  timezone: string;
  language: string;
  /** Undefined: the clock the language uses. */
  clock?: Clock;
  /** The site's overrides of the locale's messages. */
  strings: Messages;
  description: string;
  /** How many of the newest notices each feed carries. */
  feed_items: number;
  /** Whether raw HTML in notice bodies is rendered (off: shown as text). */
  allow_html: boolean;
  services: Service[];
  /** Who may frame `/embed/` (docs/embed.md). */
  embed: EmbedConfig;
  /** How `ingest` turns alerts into notices (docs/ingest.md). */
  ingest: IngestConfig;
  /** Where `npm run notify` sends events (docs/notify.md). */
  notify: NotifyConfig;
}

/** What checking a config can look at beyond its text. */
export interface ConfigContext {
  /** Whether the site has a static file at a URL ('/logo.svg'), for the branding images. */
  hasFile?: (url: string) => boolean;
}

export function loadConfig(path: string, displayPath = path, context: ConfigContext = {}): { config?: SiteConfig; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { problems: [{ file: displayPath, line: 1, message: 'cannot read the site configuration file' }] };
  }
  return parseConfig(text, displayPath, context);
}

export function parseConfig(text: string, file: string, context: ConfigContext = {}): { config?: SiteConfig; problems: Problem[] } {
  const { source, data, problems } = readYaml(text, file);
  if (problems.length) return { problems };
  const { values, problems: fieldProblems } = validateFields(source, data, configFields, REQUIRED_CONFIG_KEYS, [], changedKeysOf('config'));
  problems.push(...fieldProblems);

  const services: Service[] = [];
  const seen = new Set<string>();
  (values.services ?? []).forEach((raw, index) => {
    const path = ['services', index];
    const result = validateFields(source, raw, serviceFields, REQUIRED_SERVICE_KEYS, path);
    problems.push(...result.problems);
    const { id, name, group, description = '', retired = false, sla } = result.values;
    if (id === undefined || name === undefined) return;
    if (seen.has(id)) {
      problems.push({ file, line: lineOf(source, [...path, 'id']), message: `service id \`${id}\` is listed twice; ids must be unique` });
      return;
    }
    seen.add(id);
    services.push({ id, name, ...(group === undefined ? {} : { group }), description, retired, ...(sla === undefined ? {} : { sla }) });
  });

  const notify = values.notify === undefined ? { notify: DEFAULT_NOTIFY, problems: [] } : parseNotifyConfig(source, values.notify, [...seen]);
  problems.push(...notify.problems);
  problems.push(...localeConfigProblems(source, values.language, values.strings));
  const { problems: brandingProblems, ...branding } = parseBranding(source, values, context.hasFile);
  problems.push(...brandingProblems);

  if (problems.length) return { problems };
  const config: SiteConfig = {
    title: values.title!,
    url: values.url!,
    timezone: values.timezone!,
    language: values.language ?? 'en',
    ...(values.clock === undefined ? {} : { clock: values.clock }),
    strings: values.strings ?? {},
    description: values.description ?? '',
    feed_items: values.feed_items ?? 50,
    allow_html: values.allow_html ?? false,
    services,
    embed: values.embed ?? { origins: [] },
    ingest: values.ingest ?? ingestField.parse({}),
    notify: notify.notify!,
    ...branding,
  };
  // Ingest rules name services; like a notice's, they must be in the catalog.
  config.ingest.rules.forEach((rule, index) => {
    rule.services.forEach((id, at) => {
      if (seen.has(id)) return;
      const line = lineOf(source, ['ingest', 'rules', index, 'services', at]);
      problems.push({ file, line, message: `\`ingest.rules[${index}].services\`: ${unknownServiceMessage(id, config)}` });
    });
  });
  if (problems.length) return { problems };
  return { config, problems };
}

/** Message tail for an unknown service id: the nearest known id and the full list. */
export function unknownServiceMessage(id: string, config: SiteConfig): string {
  const ids = config.services.map((service) => service.id);
  return `unknown service \`${id}\`${didYouMean(id, ids)}; known services are ${ids.join(', ')}`;
}
