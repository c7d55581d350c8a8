/**
 * One notify run: the site at "now", the events due, each sent to every
 * channel that wants it, oldest first, and recorded after each delivery.
 *
 * - A channel new to the state file starts with a baseline: events before
 *   `now - since` are never sent to it (the first run on an archive sends
 *   nothing from the past).
 * - A channel that fails an event gets nothing more in this run, so it never
 *   receives events out of order; the next run resumes with the one that
 *   failed. Other channels go on.
 * - Webhook channels also get a service's state changes (`component_update`),
 *   looked for only since the earliest webhook baseline.
 */
import type { NoticeView, SiteModel } from '../model/model.ts';
import { componentStatus } from '../outputs/statuspage-components.ts';
import type { Channel } from './config.ts';
import { createSender, resolveSecrets, type Payload, type Secrets, type Sender } from './delivery.ts';
import { formatEmail } from './email.ts';
import { byTime, eventsAsOf, matchesFilter, type NotifyEvent } from './events.ts';
import { composeMessage } from './message.ts';
import { serviceEventMatches, serviceStateEventsSince, type ServiceStateEvent } from './service-events.ts';
import { formatSlack } from './slack.ts';
import { readState, StateStore, type StateDocument } from './state-store.ts';
import { formatTeams } from './teams.ts';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signBody, webhookBodies } from './webhook.ts';

export interface NotifyOptions {
  site: SiteModel;
  statePath: string;
  /** For channels without state: send the events of the last this many minutes (default 0: none). */
  sinceMinutes?: number;
  dryRun?: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export interface NotifyResult {
  sent: { channel: string; event: string }[];
  failed: { channel: string; event: string; error: string }[];
  /** Channels that got their baseline in this run. */
  baselined: string[];
}

/** What a run sends: the notices' events, and for webhooks the services' state changes. */
export type RunEvent = NotifyEvent<NoticeView> | ServiceStateEvent;

/**
 * Whether a channel wants an event: its filters, and webhooks carry only what
 * Statuspage has (incidents, maintenance, component updates). People on
 * email and chat hear of a state change from the notice that causes it.
 */
function wants(channel: Channel, event: RunEvent): boolean {
  if (event.kind === 'component_update') return channel.type === 'webhook' && serviceEventMatches(event, channel);
  if (channel.type === 'webhook' && event.notice.type === 'notice') return false;
  return matchesFilter(event, channel);
}

/** The events due at `now`, oldest first; state changes from `webhooksFrom` on (none when undefined: no webhook channel). */
function runEvents(site: SiteModel, webhooksFrom: Date | undefined): RunEvent[] {
  const events: RunEvent[] = eventsAsOf(site.notices, site.now, site.config.notify.reminderMinutes);
  if (!webhooksFrom) return events;
  return [...events, ...serviceStateEventsSince(site, webhooksFrom)].sort(byTime);
}

/** The earliest instant from which any webhook channel may still be due an event. */
function earliestWebhookBaseline(channels: readonly Channel[], sinceOf: (channel: Channel) => Date): Date | undefined {
  const times = channels.filter((channel) => channel.type === 'webhook').map((channel) => sinceOf(channel).getTime());
  return times.length ? new Date(Math.min(...times)) : undefined;
}

/** For the log: the message's label or subject; for a state change, what changed, in the webhook's words. */
function describeEvent(site: SiteModel, event: RunEvent, part: 'label' | 'subject'): string {
  if (event.kind === 'component_update') {
    const change = `${event.service.name}: ${componentStatus(event.oldState)} -> ${componentStatus(event.newState)}`;
    return part === 'label' ? `Component update, ${change}` : `[Component update] ${change}`;
  }
  return composeMessage(site, event)[part];
}

/** What one channel receives for one event; `webhookBody` comes from webhookBodies(site), made once per run. */
export function payloadFor(
  site: SiteModel,
  channel: Channel,
  event: RunEvent,
  secrets: Secrets | undefined,
  webhookBody: (event: RunEvent) => string,
): Payload {
  const id = { [EVENT_ID_HEADER]: event.id };
  if (channel.type === 'webhook') {
    const body = webhookBody(event);
    return { kind: 'http', body, headers: { ...id, [SIGNATURE_HEADER]: signBody(body, secrets?.secret ?? '') } };
  }
  if (event.kind === 'component_update') throw new Error(`a ${channel.type} channel got a component update`);
  const message = composeMessage(site, event);
  switch (channel.type) {
    case 'email':
      return { kind: 'email', mail: formatEmail(message, channel, site.config.url, site.config.title) };
    case 'slack':
      return { kind: 'http', body: JSON.stringify(formatSlack(message)), headers: id };
    case 'teams':
      return { kind: 'http', body: JSON.stringify(formatTeams(message)), headers: id };
  }
}

export async function runNotify(options: NotifyOptions): Promise<NotifyResult> {
  const { site, log } = options;
  const { notify } = site.config;
  const result: NotifyResult = { sent: [], failed: [], baselined: [] };
  if (!notify.channels.length) {
    log('No notify channels in site.config.yaml; nothing to do.');
    return result;
  }
  const since = new Date(site.now.getTime() - (options.sinceMinutes ?? 0) * 60_000);

  if (options.dryRun) {
    dryRun(options, since);
    return result;
  }

  // Before the lock and before anything is sent: every secret, or a clear error.
  const secrets = resolveSecrets(notify.channels, options.env);
  const store = StateStore.open(options.statePath);
  const senders = new Map<string, Sender>();
  const webhookBody = webhookBodies(site);
  try {
    for (const channel of notify.channels) {
      if (store.hasChannel(channel.name)) continue;
      store.baseline(channel.name, since);
      result.baselined.push(channel.name);
      log(`${channel.name}: first run, baseline recorded; events before ${since.toISOString()} are not sent`);
    }
    store.prune(site.now);
    const events = runEvents(site, earliestWebhookBaseline(notify.channels, (channel) => store.since(channel.name)));
    const stopped = new Set<string>();
    for (const event of events) {
      for (const channel of notify.channels) {
        if (stopped.has(channel.name) || !wants(channel, event) || !store.isDue(channel.name, event.id, event.at)) continue;
        let sender = senders.get(channel.name);
        if (!sender) senders.set(channel.name, (sender = createSender(channel, secrets.get(channel.name)!, notify)));
        try {
          await sender.send(payloadFor(site, channel, event, secrets.get(channel.name), webhookBody));
        } catch (error) {
          stopped.add(channel.name);
          result.failed.push({ channel: channel.name, event: event.id, error: (error as Error).message });
          log(`${channel.name}: FAILED ${event.id}: ${(error as Error).message}; it and later events are sent on the next run`);
          continue;
        }
        store.markSent(channel.name, event.id, event.at);
        result.sent.push({ channel: channel.name, event: event.id });
        log(`${channel.name}: sent ${event.id} (${describeEvent(site, event, 'label')})`);
      }
    }
  } finally {
    for (const sender of senders.values()) sender.close();
    store.close();
  }
  if (!result.sent.length && !result.failed.length) log('Nothing new to send.');
  return result;
}

/** Prints what a run would send, reading the state without locking or writing it. */
function dryRun(options: NotifyOptions, since: Date): void {
  const { site, log } = options;
  const state: StateDocument | undefined = readState(options.statePath);
  const sinceOf = (channel: Channel) => new Date(state?.channels[channel.name]?.since ?? since);
  const events = runEvents(site, earliestWebhookBaseline(site.config.notify.channels, sinceOf));
  let count = 0;
  for (const channel of site.config.notify.channels) {
    const channelState = state?.channels[channel.name];
    const from = sinceOf(channel);
    if (!channelState) log(`${channel.name}: first run, would record a baseline; events before ${from.toISOString()} would not be sent`);
    const variable = channel.type === 'email' ? channel.smtp : channel.url;
    if (!options.env[variable]) log(`${channel.name}: environment variable ${variable} is not set; a real run would stop before sending`);
    for (const event of events) {
      if (!wants(channel, event) || event.at.getTime() < from.getTime() || (channelState && event.id in channelState.sent)) continue;
      count++;
      log(`${channel.name}: would send ${event.id}: ${describeEvent(site, event, 'subject')}`);
    }
  }
  log(count ? `Dry run: ${count} message(s) would be sent; nothing was sent or recorded.` : 'Dry run: nothing to send; nothing was recorded.');
}
