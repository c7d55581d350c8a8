/**
 * `embed:` in site.config.yaml: the origins (the operator's own sites) allowed
 * to show `/embed/` in a frame, kept and checked here. `frame-ancestors` works
 * only as a header, so the web server sends it: deploy/nginx.conf and
 * deploy/netlify.toml take the same list (docs/embed.md). With none listed,
 * nobody may frame it, as for every other page.
 */
import * as z from '../content/zod.ts';

export interface EmbedConfig {
  /** `https://www.example.net`, no path, no trailing slash. */
  origins: string[];
}

const origin = z.string().transform((text, ctx) => {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== text.replace(/\/$/, '')) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an origin; write scheme and host only, e.g. https://www.example.net` });
    return z.NEVER;
  }
  return url.origin;
});

export const embedField = z.strictObject({
  origins: z.array(origin, { error: 'expected a list of origins, e.g. [https://www.example.net]' }).default([]),
});
