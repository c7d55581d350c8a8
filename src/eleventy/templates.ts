/**
 * Pages are `.11ty.ts` modules (run through tsx), rendered by Eleventy's
 * JavaScript engine; their `render` returns SafeHtml or a string.
 */
import type { EleventyConfig } from './eleventy-config.ts';

export function templatesPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.addExtension('11ty.ts', { key: '11ty.js' });
  eleventyConfig.addTemplateFormats('11ty.ts');
}
