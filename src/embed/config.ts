/**
 * `embed:` in site.config.yaml: the origins (the operator's own sites) allowed
 * to show `/embed/` in a frame. Written into the page's Content-Security-Policy
 * `frame-ancestors` by the deploy configs (docs/embed.md); with none listed the
 * page can be framed by nobody, like every other page.
 */
import { z } from 'zod';

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

/** The `frame-ancestors` source list for `/embed/`: the listed origins, or `'none'`. */
export function frameAncestors(config: EmbedConfig): string {
  return config.origins.length ? config.origins.join(' ') : "'none'";
}
