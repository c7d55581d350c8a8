/**
 * JSON Schemas for editors, generated from the very zod schemas the validator
 * uses, so completion in an editor and `npm run check` never disagree on keys.
 * Rules that span keys (a maintenance needs a window, …) stay with `check`.
 */
import { z } from 'zod';
import { configFields, serviceFields } from './config.ts';
import { noticeFields, updateFields, windowFields } from './notice.ts';

// The zone only affects how times are read, not their written shape.
const ANY_ZONE = 'UTC';

function toSchema(schema: z.ZodType, title: string, description: string): object {
  return {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title,
    description,
  };
}

export function configJsonSchema(): object {
  const service = z.strictObject(serviceFields).partial({ description: true });
  const config = z.strictObject({ ...configFields, services: z.array(service).min(1) }).partial({
    language: true,
    description: true,
    feed_items: true,
    allow_html: true,
  });
  return toSchema(config, 'noticeboard site.config.yaml', 'Site settings and the service catalog of a noticeboard status site.');
}

export function noticeJsonSchema(): object {
  const fields = noticeFields(ANY_ZONE);
  const window = z.strictObject(windowFields(ANY_ZONE)).partial({ end: true, duration: true });
  const update = z.strictObject(updateFields(ANY_ZONE)).partial({ status: true });
  const notice = z
    .strictObject({ ...fields, window, updates: z.array(update) })
    .partial({ services: true, window: true, impact: true, updates: true, summary: true, draft: true });
  return toSchema(notice, 'noticeboard notice front matter', 'The YAML front matter of one notice under posts/.');
}
