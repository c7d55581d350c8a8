/**
 * An event as a webhook in the shape Statuspage sends its webhook
 * subscribers: `meta`, `page` (with `status_indicator` and
 * `status_description`) and `incident` (an incident or a scheduled
 * maintenance, `incident_updates` newest first), as the notice stands when
 * the message is sent; or, for a service's state change, `component_update`
 * (old and new status) and `component`. Signed:
 * `X-Noticeboard-Signature: sha256=<hex>` is the HMAC-SHA256 of the exact
 * body bytes under the channel's secret, and `X-Noticeboard-Event-Id` is the
 * event id, for receivers to drop repeats.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NoticeView, SiteModel } from '../model/model.ts';
import { isoWithOffset, stableId } from '../outputs/common.ts';
import { statuspageWebhookParts } from '../outputs/statuspage.ts';
import { componentStatus } from '../outputs/statuspage-components.ts';
import type { NotifyEvent } from './events.ts';
import type { ServiceStateEvent } from './service-events.ts';

export const EVENT_ID_HEADER = 'X-Noticeboard-Event-Id';
export const SIGNATURE_HEADER = 'X-Noticeboard-Signature';

/** Makes webhook bodies for one run's site: `(event) => JSON text`. */
export function webhookBodies(site: SiteModel): (event: NotifyEvent<NoticeView> | ServiceStateEvent) => string {
  const parts = statuspageWebhookParts(site);
  const meta = (event: NotifyEvent | ServiceStateEvent) => ({
    // Subscriptions are the operator's config, not managed by a link.
    unsubscribe: null,
    documentation: `${site.config.url}/subscribe/`,
    generated_at: isoWithOffset(site.now, site.config.timezone),
    event_id: event.id,
    event_type: event.kind,
  });
  const page = { id: parts.pageId, status_indicator: parts.status.indicator, status_description: parts.status.description };
  return (event) => {
    if (event.kind !== 'component_update') return JSON.stringify({ meta: meta(event), page, incident: parts.incident(event.notice) });
    const time = isoWithOffset(event.at, site.config.timezone);
    const component = parts.component(event.service.id)!;
    const body = {
      meta: meta(event),
      page,
      component_update: {
        id: stableId(`component_update:${event.id}`),
        component_id: component.id,
        component_type: 'Component',
        old_status: componentStatus(event.oldState),
        new_status: componentStatus(event.newState),
        created_at: time,
      },
      // The component as the change left it; `page` is the page as it stands now.
      component: { ...component, status: componentStatus(event.newState), updated_at: time },
    };
    return JSON.stringify(body);
  };
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
