/**
 * The `notify:` section of site.config.yaml: where `npm run notify` sends
 * events and how hard it tries. Validated key by key like the rest of the
 * config (every problem names its line). Secrets never appear here: a channel
 * names the environment variable that holds its URL or key.
 */
import * as z from '../content/zod.ts';
import { validateFields } from '../content/fields.ts';
import { NOTICE_TYPES, durationSchema, type NoticeType } from '../content/notice.ts';
import { didYouMean, type Problem } from '../content/problems.ts';
import { lineOf, type KeyPath, type YamlSource } from '../content/yaml-source.ts';

export const CHANNEL_TYPES = ['email', 'slack', 'teams', 'webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** The name of an environment variable; a pasted URL or key is refused, so a secret never lands in the repository. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  error: 'must be the NAME of an environment variable that holds the secret (e.g. NOTIFY_SLACK_URL), not the secret itself',
});

const link = z.string().regex(/^(https?:\/\/|mailto:)\S+$/, { error: 'must be an absolute https:// or mailto: link' });
const address = z.email({ error: 'must be an email address, e.g. status@example.net' });

export const notifyFields = {
  reminder: durationSchema,
  attempts: z.int().min(1).max(10),
  timeout_seconds: z.number().positive().max(300),
  backoff_seconds: z.number().min(0).max(600),
  channels: z.array(z.unknown()),
};

const commonChannelFields = {
  type: z.enum(CHANNEL_TYPES),
  name: z.string().regex(/^[a-z0-9-]+$/, { error: 'must be a slug: lowercase a-z, 0-9 and - only' }),
  title: z.string().min(1).max(200),
  services: z.array(z.string()).min(1),
  types: z.array(z.enum(NOTICE_TYPES)).min(1),
  signup: link,
};

export const channelFields: Record<ChannelType, Record<string, z.ZodType>> = {
  email: {
    ...commonChannelFields,
    to: z.union([address, z.array(address).min(1)]).transform((value) => (Array.isArray(value) ? value : [value])),
    from: address,
    smtp: envName,
    unsubscribe: link,
  },
  slack: { ...commonChannelFields, url: envName },
  teams: { ...commonChannelFields, url: envName },
  webhook: { ...commonChannelFields, url: envName, secret: envName },
};

export const REQUIRED_CHANNEL_KEYS: Record<ChannelType, string[]> = {
  email: ['type', 'to', 'from', 'smtp'],
  slack: ['type', 'url'],
  teams: ['type', 'url'],
  webhook: ['type', 'url', 'secret'],
};

interface ChannelCommon {
  /** Unique; keys the channel's deliveries in the state file. */
  name: string;
  /** What the subscribe page calls it. */
  title?: string;
  /** Only notices naming one of these services (a notice naming none goes to every channel). */
  services?: string[];
  types?: NoticeType[];
  /** Where people join the list or chat channel; shown on /subscribe/. */
  signup?: string;
}
export interface EmailChannel extends ChannelCommon {
  type: 'email';
  to: string[];
  from: string;
  /** Environment variable holding smtp(s)://user:pass@host:port. */
  smtp: string;
  unsubscribe?: string;
}
export interface ChatChannel extends ChannelCommon {
  type: 'slack' | 'teams';
  /** Environment variable holding the webhook URL. */
  url: string;
}
export interface WebhookChannel extends ChannelCommon {
  type: 'webhook';
  url: string;
  /** Environment variable holding the HMAC key. */
  secret: string;
}
export type Channel = EmailChannel | ChatChannel | WebhookChannel;

export interface NotifyConfig {
  /** Lead time of the reminder before a maintenance starts, in minutes; 0: no reminder. */
  reminderMinutes: number;
  attempts: number;
  timeoutSeconds: number;
  /** The first retry waits this long; each later one twice as long as the one before. */
  backoffSeconds: number;
  channels: Channel[];
}

export const DEFAULT_NOTIFY: NotifyConfig = { reminderMinutes: 24 * 60, attempts: 3, timeoutSeconds: 10, backoffSeconds: 2, channels: [] };

/** Validates `notify:` (raw YAML data); `serviceIds` are the catalog's, for the filters. */
export function parseNotifyConfig(source: YamlSource, raw: unknown, serviceIds: readonly string[]): { notify?: NotifyConfig; problems: Problem[] } {
  const base: KeyPath = ['notify'];
  const { values, problems } = validateFields(source, raw, notifyFields, [], base);
  const channels: Channel[] = [];
  (values.channels ?? []).forEach((rawChannel, index) => {
    const path = [...base, 'channels', index];
    const type = (rawChannel as { type?: unknown } | null)?.type;
    if (!CHANNEL_TYPES.includes(type as ChannelType)) {
      const shown = typeof type === 'string' ? `"${type}"${didYouMean(type, CHANNEL_TYPES)}` : 'missing';
      problems.push({ file: source.file, line: lineOf(source, [...path, 'type']), message: `\`notify.channels[${index}].type\` is ${shown}; use one of ${CHANNEL_TYPES.join(', ')}` });
      return;
    }
    const fields = channelFields[type as ChannelType];
    const result = validateFields(source, rawChannel, fields, REQUIRED_CHANNEL_KEYS[type as ChannelType], path);
    problems.push(...result.problems);
    for (const id of (result.values.services as string[] | undefined) ?? []) {
      if (!serviceIds.includes(id)) {
        problems.push({
          file: source.file,
          line: lineOf(source, [...path, 'services']),
          message: `\`notify.channels[${index}].services\`: unknown service \`${id}\`${didYouMean(id, serviceIds)}; known services are ${serviceIds.join(', ')}`,
        });
      }
    }
    if (!result.problems.length) channels.push(result.values as unknown as Channel);
  });
  nameChannels(channels, source, problems);
  if (problems.length) return { problems };
  return {
    problems,
    notify: {
      reminderMinutes: values.reminder ?? DEFAULT_NOTIFY.reminderMinutes,
      attempts: values.attempts ?? DEFAULT_NOTIFY.attempts,
      timeoutSeconds: values.timeout_seconds ?? DEFAULT_NOTIFY.timeoutSeconds,
      backoffSeconds: values.backoff_seconds ?? DEFAULT_NOTIFY.backoffSeconds,
      channels,
    },
  };
}

/** A channel without `name` is called by its type, numbered when the type repeats (`slack`, `slack-2`). */
function nameChannels(channels: Channel[], source: YamlSource, problems: Problem[]): void {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const channel of channels) {
    if (!channel.name) {
      const n = (counts.get(channel.type) ?? 0) + 1;
      counts.set(channel.type, n);
      channel.name = n === 1 ? channel.type : `${channel.type}-${n}`;
    }
    if (seen.has(channel.name)) {
      problems.push({ file: source.file, line: lineOf(source, ['notify', 'channels']), message: `two notify channels are named \`${channel.name}\`; give each a unique \`name\`` });
    }
    seen.add(channel.name);
  }
}
