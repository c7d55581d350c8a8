/**
 * Which badges a build writes: `/badge.svg` for the site's overall state and
 * `/services/<id>/badge.svg` for each service, from the model at the build's "now".
 */
import type { ServiceView, SiteModel } from '../../model/model.ts';
import { overallLabel, stateLabel } from '../../model/views.ts';
import { BADGE_OUTPUT, outputPath } from '../registry.ts';
import { renderBadge } from './badge.ts';

export interface BadgeFile {
  /** Site path, e.g. `/services/dsl/badge.svg`. */
  path: string;
  /** The service's id, or undefined for the site's badge. */
  serviceId?: string;
}

export function badgeFiles(services: readonly ServiceView[]): BadgeFile[] {
  return [
    { path: outputPath(BADGE_OUTPUT, '/') },
    ...services.map((service) => ({ path: outputPath(BADGE_OUTPUT, service.url), serviceId: service.id })),
  ];
}

export function renderBadgeFile(site: SiteModel, file: BadgeFile): string {
  if (file.serviceId === undefined) {
    return renderBadge({
      label: site.locale.t('badge.status'),
      message: stateLabel(site.overall, site.locale).toLocaleLowerCase(site.locale.language),
      state: site.overall,
      title: `${site.config.title}: ${overallLabel(site.overall, site.locale)}`,
    });
  }
  const service = site.serviceById.get(file.serviceId)!;
  return renderBadge({
    label: service.name,
    message: stateLabel(service.state, site.locale).toLocaleLowerCase(site.locale.language),
    state: service.state,
    title: `${service.name}: ${stateLabel(service.state, site.locale)}`,
  });
}
