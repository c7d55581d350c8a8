/**
 * Grafana unified alerting's webhook contact point: Alertmanager's group shape
 * plus `orgId`, `title`, `state`, `message` and per alert `values`,
 * `silenceURL`, `dashboardURL`, `panelURL`. The alerts carry `fingerprint`
 * like Alertmanager's; the fields around them are ignored.
 */
import * as z from '../../content/zod.ts';
import { describeZodError, type Parsed } from '../alert.ts';
import { groupSchema, toAlert } from './alertmanager.ts';

const grafanaSchema = groupSchema.extend({
  orgId: z.number({ message: 'expected a number (Grafana sends the organisation id); is this an Alertmanager payload?' }),
});

export function parseGrafana(payload: unknown): Parsed {
  const result = grafanaSchema.safeParse(payload, { reportInput: true });
  if (!result.success) return { error: describeZodError(result.error) };
  return { alerts: result.data.alerts.map((alert) => toAlert('grafana', alert)), notes: [] };
}
