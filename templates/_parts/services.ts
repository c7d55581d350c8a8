/** The service catalog as lists: each service's name (linked) and state. */
import { html, type SafeHtml } from '../../src/html.ts';
import type { ServiceGroup, ServiceView } from '../../src/model.ts';
import { stateBadge } from './state.ts';

export function serviceList(services: readonly ServiceView[], options: { descriptions?: boolean } = {}): SafeHtml {
  return html`<ul class="service-list">
${services.map(
  (service) => html`<li>
<a class="service-name" href="${service.url}">${service.name}</a> ${stateBadge(service.state)}
${options.descriptions && service.description ? html`<p class="description">${service.description}</p>` : ''}
</li>
`,
)}</ul>`;
}

/** Every group with its services, headed at `level`. */
export function serviceGroups(groups: readonly ServiceGroup[], level: 2 | 3, options: { descriptions?: boolean } = {}): SafeHtml {
  const tag = `h${level}`;
  return html`${groups.map(
    (group) => html`<section class="service-group">
<${tag}>${group.name}</${tag}>
${serviceList(group.services, options)}
</section>
`,
  )}`;
}
