/**
 * Gatus's `custom` alerting provider, whose body the operator writes with
 * Gatus's placeholders. noticeboard reads the body docs/ingest.md gives:
 *
 *   {"status": "[ALERT_TRIGGERED_OR_RESOLVED]", "endpoint": "[ENDPOINT_NAME]",
 *    "group": "[ENDPOINT_GROUP]", "url": "[ENDPOINT_URL]",
 *    "description": "[ALERT_DESCRIPTION]", "errors": "[RESULT_ERRORS]"}
 *
 * `status` is TRIGGERED or RESOLVED (Gatus's defaults for that placeholder).
 * Gatus sends no time, so the alert starts or ends at "now". The id is
 * `group/endpoint` (Gatus's own key for an endpoint). Labels: `endpoint`,
 * `group`, `url`.
 */
import * as z from '../../content/zod.ts';
import { describeZodError, type Parsed } from '../alert.ts';

const schema = z.looseObject({
  status: z.string().transform((text, ctx) => {
    const upper = text.trim().toUpperCase();
    if (upper === 'TRIGGERED' || upper === 'RESOLVED') return upper;
    ctx.addIssue({ code: 'custom', message: `"${text}" is not TRIGGERED or RESOLVED (the values of Gatus's [ALERT_TRIGGERED_OR_RESOLVED])` });
    return z.NEVER;
  }),
  endpoint: z.string().trim().min(1, { message: 'must not be empty ([ENDPOINT_NAME])' }),
  group: z.string().default(''),
  url: z.string().default(''),
  description: z.string().default(''),
  errors: z.string().default(''),
});

export function parseGatus(payload: unknown): Parsed {
  const result = schema.safeParse(payload, { reportInput: true });
  if (!result.success) return { error: describeZodError(result.error) };
  const { status, endpoint, group, url, description, errors } = result.data;
  const labels: Record<string, string> = { endpoint, group, url };
  const name = group ? `${group}/${endpoint}` : endpoint;
  return {
    alerts: [
      {
        source: 'gatus',
        id: `${group}/${endpoint}`,
        status: status === 'TRIGGERED' ? 'firing' : 'resolved',
        labels,
        annotations: {
          summary: description || `${name} is failing`,
          description: [description, errors].filter(Boolean).join('\n\n') || `${name} is failing its checks.`,
        },
      },
    ],
    notes: [],
  };
}
