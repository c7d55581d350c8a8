/**
 * An event as a webhook in the shape Statuspage sends its webhook
 * subscribers: `meta`, `page` (with `status_indicator` and
 * `status_description`) and `incident` (an incident or a scheduled
 * maintenance, `incident_updates` newest first), as the notice stands when
 * the message is sent. Signed: `X-Noticeboard-Signature: sha256=<hex>` is the
 * HMAC-SHA256 of the exact body bytes under the channel's secret, and
 * `X-Noticeboard-Event-Id` is the event id, for receivers to drop repeats.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NoticeView, SiteModel } from '../model.ts';
import { isoWithOffset } from '../outputs/common.ts';
import { statuspageWebhookParts } from '../outputs/statuspage.ts';
import type { NotifyEvent } from './events.ts';

export const EVENT_ID_HEADER = 'X-Noticeboard-Event-Id';
export const SIGNATURE_HEADER = 'X-Noticeboard-Signature';

/** Makes webhook bodies for one run's site: `(event) => JSON text`. */
export function webhookBodies(site: SiteModel): (event: NotifyEvent<NoticeView>) => string {
  const partsOf = statuspageWebhookParts(site);
  return (event) => webhookBody(site, partsOf(event.notice), event);
}

function webhookBody(site: SiteModel, parts: ReturnType<ReturnType<typeof statuspageWebhookParts>>, event: NotifyEvent<NoticeView>): string {
  const body = {
    meta: {
      // Subscriptions are the operator's config, not managed by a link.
      unsubscribe: null,
      documentation: `${site.config.url}/subscribe/`,
      generated_at: isoWithOffset(site.now, site.config.timezone),
      event_id: event.id,
      event_type: event.kind,
    },
    page: { id: parts.pageId, status_indicator: parts.status.indicator, status_description: parts.status.description },
    incident: parts.incident,
  };
  return JSON.stringify(body);
}

export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does with the header (constant-time comparison); exported for tests and the docs' example. */
export function verifySignature(body: string | Buffer, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(body.toString(), secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
