/**
 * Uptime Kuma's webhook notification (JSON body): `heartbeat` (monitorID,
 * status 0 down / 1 up / 2 pending / 3 maintenance, `time` in UTC as
 * `YYYY-MM-DD HH:mm:ss.SSS`, msg) and `monitor` (id, name, url, hostname,
 * type, tags), plus `msg`. A down heartbeat fires, an up one resolves; the
 * monitor's id is the alert's id. Pending and maintenance heartbeats change
 * nothing. The test notification (no heartbeat) changes nothing either.
 *
 * Labels for the rules: `monitor` (the name), `monitor_id`, `url`, `hostname`,
 * `type`, and each tag as `tag_<name>` (its value, or "true").
 */
import * as z from '../../content/zod.ts';
import { describeZodError, type Parsed } from '../alert.ts';

const kumaTime = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, {
  message: 'expected a UTC time like 2008-09-30 07:01:00.000',
});

const schema = z.looseObject({
  msg: z.string().optional(),
  heartbeat: z
    .looseObject({
      monitorID: z.number().int(),
      status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], { message: 'expected 0 (down), 1 (up), 2 (pending) or 3 (maintenance)' }),
      time: kumaTime,
      msg: z.string().default(''),
    })
    .nullable()
    .optional(),
  monitor: z
    .looseObject({
      id: z.number().int(),
      name: z.string().min(1),
      url: z.string().nullish(),
      hostname: z.string().nullish(),
      type: z.string().nullish(),
      description: z.string().nullish(),
      tags: z.array(z.looseObject({ name: z.string(), value: z.string().nullish() })).nullish(),
    })
    .nullable()
    .optional(),
});

const utc = (text: string) => new Date(`${text.replace(' ', 'T').replace(/Z?$/, '')}Z`);

export function parseUptimeKuma(payload: unknown): Parsed {
  const result = schema.safeParse(payload, { reportInput: true });
  if (!result.success) return { error: describeZodError(result.error) };
  const { heartbeat, monitor, msg } = result.data;
  if (!heartbeat && !monitor) return { alerts: [], notes: [`no heartbeat: Uptime Kuma's test notification${msg ? ` ("${msg}")` : ''}; nothing to do`] };
  if (!heartbeat || !monitor) return { error: `${heartbeat ? 'monitor' : 'heartbeat'}: missing; a notification about a monitor has both` };
  if (heartbeat.status === 2 || heartbeat.status === 3) {
    return { alerts: [], notes: [`monitor "${monitor.name}" is ${heartbeat.status === 2 ? 'pending' : 'under maintenance'}; nothing to do`] };
  }
  const labels: Record<string, string> = { monitor: monitor.name, monitor_id: String(monitor.id) };
  for (const key of ['url', 'hostname', 'type'] as const) if (monitor[key]) labels[key] = monitor[key]!;
  for (const tag of monitor.tags ?? []) labels[`tag_${tag.name.replace(/[^A-Za-z0-9_]/g, '_')}`] = tag.value || 'true';
  const at = utc(heartbeat.time);
  const firing = heartbeat.status === 0;
  return {
    alerts: [
      {
        source: 'uptime-kuma',
        id: String(monitor.id),
        status: firing ? 'firing' : 'resolved',
        startsAt: firing ? at : undefined,
        endsAt: firing ? undefined : at,
        labels,
        annotations: { summary: `${monitor.name} is down`, description: heartbeat.msg || msg || `${monitor.name} is down.` },
      },
    ],
    notes: [],
  };
}
