/**
 * Prometheus Alertmanager's webhook payload (`webhook_configs`, version "4"):
 * a group of alerts, each with `status`, `labels`, `annotations`, `startsAt`,
 * `endsAt` and `fingerprint`. Grafana's unified alerting webhook sends the
 * same alerts with more fields around them (grafana.ts).
 */
import * as z from '../../content/zod.ts';
import { describeZodError, realTime, type Alert, type Format, type Parsed } from '../alert.ts';

const time = z.string().refine((text) => text.startsWith('0001-01-01') || !Number.isNaN(new Date(text).getTime()), {
  message: 'expected an RFC 3339 time, e.g. 2008-09-30T07:01:00Z',
});

export const alertSchema = z.looseObject({
  status: z.enum(['firing', 'resolved']),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).default({}),
  startsAt: time,
  endsAt: time.optional(),
  fingerprint: z.string().min(1, { message: 'must not be empty' }),
});

export const groupSchema = z.looseObject({
  alerts: z.array(alertSchema).min(1, { message: 'must hold at least one alert' }),
});

export function toAlert(source: Format, alert: z.output<typeof alertSchema>): Alert {
  return {
    source,
    id: alert.fingerprint,
    status: alert.status,
    startsAt: realTime(alert.startsAt),
    endsAt: alert.status === 'resolved' ? realTime(alert.endsAt) : undefined,
    labels: alert.labels,
    annotations: alert.annotations,
  };
}

export function parseAlertmanager(payload: unknown): Parsed {
  const result = groupSchema.safeParse(payload, { reportInput: true });
  if (!result.success) return { error: describeZodError(result.error) };
  return { alerts: result.data.alerts.map((alert) => toAlert('alertmanager', alert)), notes: [] };
}
