/** The service catalog as lists: each service's name (linked), state and, on `/`, its 90-day strip. */
import { html, type SafeHtml } from '../html.ts';
import type { ServiceGroup, ServiceView, SiteModel } from '../../model/model.ts';
import { availabilityStrip } from './availability.ts';
import { serviceStateBadge } from './state.ts';

interface ServiceListOptions {
  descriptions?: boolean;
  /** Show each service's availability strip. */
  strips?: boolean;
}

function serviceList(services: readonly ServiceView[], site: SiteModel, options: ServiceListOptions = {}): SafeHtml {
  return html`<ul class="service-list">
${services.map(
  (service) => html`<li class="service">
<p class="service-row"><a class="service-name" href="${service.url}">${service.name}</a> ${serviceStateBadge(service, site.locale)}</p>
${options.descriptions && service.description ? html`<p class="description">${service.description}</p>` : ''}
${options.strips ? availabilityStrip(site, service) : ''}
</li>
`,
)}</ul>`;
}

/** Every group with its services, headed at `level`. */
export function serviceGroups(groups: readonly ServiceGroup[], site: SiteModel, level: 2 | 3, options: ServiceListOptions = {}): SafeHtml {
  const tag = `h${level}`;
  return html`${groups.map(
    (group) =>
      group.name === undefined
        ? html`<div class="service-group">
${serviceList(group.services, site, options)}
</div>
`
        : html`<section class="service-group">
<${tag}>${group.name}</${tag}>
${serviceList(group.services, site, options)}
</section>
`,
  )}`;
}
