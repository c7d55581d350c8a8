/**
 * `ingest:` in site.config.yaml: which services an alert affects (rules of
 * label matchers), how its notice is worded (templates) and whether it is
 * published at once. Every key has a default (docs/ingest.md).
 */
import * as z from '../content/zod.ts';
import { IMPACTS, type Impact } from '../content/notice.ts';
import { parseMatcher, type Matcher } from './matchers.ts';
import { templateProblems } from './templates.ts';

export interface IngestRule {
  matchers: Matcher[];
  services: string[];
}

export interface IngestConfig {
  /** New notices are drafts unless this is true. */
  publish: boolean;
  authors: string[];
  /** Templates over the alert's labels and annotations (see templates.ts). */
  title: string;
  body: string;
  resolved_body: string;
  impact: { label: string; values: Record<string, Impact>; default: Impact };
  rules: IngestRule[];
}

export const DEFAULT_TITLE = '{{ annotations.summary | labels.alertname }}';
export const DEFAULT_BODY = '{{ annotations.description | annotations.summary | labels.alertname }}';
export const DEFAULT_RESOLVED_BODY = 'The problem is resolved; service is back to normal.';

const matcher = z.string().transform((text, ctx) => {
  const parsed = parseMatcher(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const template = z
  .string()
  .trim()
  .min(1, { error: 'must not be empty' })
  .superRefine((text, ctx) => {
    for (const message of templateProblems(text)) ctx.addIssue({ code: 'custom', message });
  });

const impactField = z
  .strictObject({
    label: z.string().min(1).default('severity'),
    values: z.record(z.string(), z.enum(IMPACTS)).default({ critical: 'critical', error: 'major', warning: 'minor', info: 'none' }),
    default: z.enum(IMPACTS).default('major'),
  })
  .default({ label: 'severity', values: { critical: 'critical', error: 'major', warning: 'minor', info: 'none' }, default: 'major' });

export const ingestField = z.strictObject({
  publish: z.boolean().default(false),
  authors: z
    .union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .default(['Monitoring']),
  title: template.default(DEFAULT_TITLE),
  body: template.default(DEFAULT_BODY),
  resolved_body: template.default(DEFAULT_RESOLVED_BODY),
  impact: impactField,
  rules: z
    .array(
      z.strictObject({
        matchers: z.array(matcher).min(1, { error: 'must list at least one matcher, e.g. [\'job="imap"\']' }),
        services: z.array(z.string()).min(1, { error: 'must name at least one service' }),
      }),
    )
    .default([]),
}) satisfies z.ZodType<IngestConfig, unknown>;
