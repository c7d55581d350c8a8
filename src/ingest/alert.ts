/**
 * The one shape every monitoring payload is read into, whatever sent it: an
 * alert that fires or resolves, with an id that stays the same for as long as
 * the problem lasts (Alertmanager's fingerprint, a monitor's id, ...).
 */
import type * as z from '../content/zod.ts';

export const FORMATS = ['alertmanager', 'grafana', 'uptime-kuma', 'gatus'] as const;
export type Format = (typeof FORMATS)[number];

export interface Alert {
  source: Format;
  /** Stable for the alert: the notice's `source.id`. */
  id: string;
  status: 'firing' | 'resolved';
  /** When it started firing; undefined when the payload does not say (then: now). */
  startsAt?: Date;
  /** When it resolved; undefined when firing or not said (then: now). */
  endsAt?: Date;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** What a parser makes of a payload: the alerts, or what is wrong with it. */
export type Parsed = { alerts: Alert[]; notes: string[] } | { error: string };

/** A zod error as one line per problem: `alerts[0].labels: expected an object`. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('');
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      return `${path || 'the payload'}: ${missing ? 'missing' : issue.message}`;
    })
    .join('; ');
}

/** Go's zero time, which Alertmanager and Grafana send as `endsAt` of a firing alert. */
export function realTime(text: string | undefined): Date | undefined {
  if (!text || text.startsWith('0001-01-01')) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
