/**
 * Every page family the engine renders, by name: the Eleventy plugin
 * (src/eleventy/plugin.ts) registers each as a virtual template, so the
 * templates travel inside the package and a site holds none of them.
 */
import * as notFound from './404.11ty.ts';
import * as api_statuspage from './api/statuspage.11ty.ts';
import * as archive from './archive.11ty.ts';
import * as availability from './availability.11ty.ts';
import * as badges from './badges.11ty.ts';
import * as brand from './brand.11ty.ts';
import * as buildInfo from './build-info.11ty.ts';
import * as deployHeaders from './deploy-headers.11ty.ts';
import * as embed from './embed.11ty.ts';
import * as feeds_availabilityOutputs from './feeds/availability-outputs.11ty.ts';
import * as feeds_serviceOutputs from './feeds/service-outputs.11ty.ts';
import * as feeds_siteOutputs from './feeds/site-outputs.11ty.ts';
import * as history from './history.11ty.ts';
import * as index from './index.11ty.ts';
import * as month from './month.11ty.ts';
import * as notice from './notice.11ty.ts';
import * as serviceAvailability from './service-availability.11ty.ts';
import * as serviceYear from './service-year.11ty.ts';
import * as service from './service.11ty.ts';
import * as services from './services.11ty.ts';
import * as subscribe from './subscribe.11ty.ts';

export interface TemplateModule {
  data: object;
  render(data: never): string;
}

/** Virtual path (under the engine's namespace) -> module. */
export const TEMPLATES: Record<string, TemplateModule> = {
  '404.11ty.js': notFound,
  'api/statuspage.11ty.js': api_statuspage,
  'archive.11ty.js': archive,
  'availability.11ty.js': availability,
  'badges.11ty.js': badges,
  'brand.11ty.js': brand,
  'build-info.11ty.js': buildInfo,
  'deploy-headers.11ty.js': deployHeaders,
  'embed.11ty.js': embed,
  'feeds/availability-outputs.11ty.js': feeds_availabilityOutputs,
  'feeds/service-outputs.11ty.js': feeds_serviceOutputs,
  'feeds/site-outputs.11ty.js': feeds_siteOutputs,
  'history.11ty.js': history,
  'index.11ty.js': index,
  'month.11ty.js': month,
  'notice.11ty.js': notice,
  'service-availability.11ty.js': serviceAvailability,
  'service-year.11ty.js': serviceYear,
  'service.11ty.js': service,
  'services.11ty.js': services,
  'subscribe.11ty.js': subscribe,
};
