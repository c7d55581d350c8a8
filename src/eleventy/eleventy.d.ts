// Eleventy ships JSDoc, not declarations: the programmatic API as noticeboard uses it.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input: string, output: string, options?: { configPath?: string; quietMode?: boolean });
    write(): Promise<unknown>;
  }
  /** Rewrites root-relative URLs in HTML output under Eleventy's `pathPrefix` (see path-prefix.ts). */
  export const HtmlBasePlugin: (config: any, options?: { baseHref?: string }) => void;
}
