/**
 * The API's components: each service one, each catalog group one with its
 * members (see statuspage.ts for the mapping). Built once per model.
 */
import type { ServiceView } from '../model/site-model.ts';
import { worstOf, type ServiceState } from '../model/state.ts';
import { stableId } from './common.ts';
import type { ApiContext } from './statuspage-context.ts';
import type { ComponentStatus, StatuspageComponent } from './statuspage-schema.ts';

export function componentStatus(state: ServiceState): ComponentStatus {
  return state.replaceAll('-', '_') as ComponentStatus;
}

export interface Components {
  /** In the API's order: groups and top-level services by catalog position, a group's members after it. */
  list: StatuspageComponent[];
  /** A service's component by service id; a retired service has none. */
  byService: Map<string, StatuspageComponent>;
}

export function buildComponents(api: ApiContext): Components {
  const components: Components = { list: [], byService: new Map() };
  const serviceComponent = (service: ServiceView, position: number, groupId: string | null): StatuspageComponent => {
    const component: StatuspageComponent = {
      id: stableId(`service:${service.id}`),
      name: service.name,
      status: componentStatus(service.state),
      created_at: api.time(api.origin),
      updated_at: api.time(api.lastChange(service.notices, false)),
      position,
      description: service.description || null,
      showcase: false,
      start_date: null,
      group_id: groupId,
      page_id: api.pageId,
      group: false,
      only_show_if_degraded: false,
    };
    components.byService.set(service.id, component);
    return component;
  };
  api.site.groups.forEach((group, groupIndex) => {
    if (group.name === undefined) {
      // Services listed without a group are top-level components.
      components.list.push(...group.services.map((service) => serviceComponent(service, groupIndex + 1, null)));
      return;
    }
    const only = group.services.length === 1 ? group.services[0]! : undefined;
    if (only && only.name === group.name) {
      components.list.push(serviceComponent(only, groupIndex + 1, null));
      return;
    }
    const groupId = stableId(`group:${group.name}`);
    const members = group.services.map((service, index) => serviceComponent(service, index + 1, groupId));
    const notices = group.services.flatMap((service) => service.notices);
    components.list.push({
      id: groupId,
      name: group.name,
      status: componentStatus(worstOf(group.services.map((service) => service.state))),
      created_at: api.time(api.origin),
      updated_at: api.time(api.lastChange(notices, false)),
      position: groupIndex + 1,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: api.pageId,
      group: true,
      only_show_if_degraded: false,
      components: members.map((member) => member.id),
    });
    components.list.push(...members);
  });
  return components;
}
