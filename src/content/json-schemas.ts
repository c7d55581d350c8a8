/**
 * JSON Schemas for editors, generated from the very zod schemas the validator
 * uses, so completion in an editor and `npm run check` never disagree on keys.
 * Rules that span keys (a maintenance needs a window, …) stay with `check`.
 */
import * as z from './zod.ts';
import { configFields, REQUIRED_CONFIG_KEYS, REQUIRED_SERVICE_KEYS, serviceFields } from './config.ts';
import { CHANNEL_TYPES, channelFields, notifyFields, REQUIRED_CHANNEL_KEYS } from '../notify/config.ts';
import { brandingFields, footerFields } from '../branding/config.ts';
import { linkFields, REQUIRED_LINK_KEYS } from '../branding/links.ts';
import { noticeFields, REQUIRED_NOTICE_KEYS, REQUIRED_UPDATE_KEYS, REQUIRED_WINDOW_KEYS, updateFields, windowFields } from './notice.ts';

// The zone only affects how times are read, not their written shape.
const ANY_ZONE = 'UTC';

/** `fields` as a strict object whose keys are optional except `required`: the validator's own rule. */
function objectOf<F extends Record<string, z.ZodType>>(fields: F, required: readonly (keyof F & string)[]): z.ZodType {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, schema]) => [key, required.includes(key) ? schema : schema.optional()]),
  );
  return z.strictObject(shape);
}

function toSchema(schema: z.ZodType, title: string, description: string): object {
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title,
    description,
  };
}

export function configJsonSchema(): object {
  const service = objectOf(serviceFields, REQUIRED_SERVICE_KEYS);
  const channel = z.union(CHANNEL_TYPES.map((type) => objectOf<Record<string, z.ZodType>>({ ...channelFields[type], type: z.literal(type) }, REQUIRED_CHANNEL_KEYS[type])));
  const notify = objectOf({ ...notifyFields, channels: z.array(channel) }, []);
  const link = objectOf(linkFields, REQUIRED_LINK_KEYS);
  const branding = { branding: objectOf(brandingFields, []), navigation: z.array(link), footer: objectOf({ ...footerFields, links: z.array(link) }, []) };
  const config = objectOf({ ...configFields, services: z.array(service).min(1), notify, ...branding }, REQUIRED_CONFIG_KEYS);
  return toSchema(config, 'noticeboard site.config.yaml', 'Site settings and the service catalog of a noticeboard status site.');
}

export function noticeJsonSchema(): object {
  const fields = noticeFields(ANY_ZONE);
  const window = objectOf(windowFields(ANY_ZONE), REQUIRED_WINDOW_KEYS);
  const update = objectOf(updateFields(ANY_ZONE), REQUIRED_UPDATE_KEYS);
  const notice = objectOf({ ...fields, window, updates: z.array(update) }, REQUIRED_NOTICE_KEYS);
  return toSchema(notice, 'noticeboard notice front matter', 'The YAML front matter of one notice under posts/.');
}
