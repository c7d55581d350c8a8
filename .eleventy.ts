/**
 * The composition root: wires noticeboard's plugins into Eleventy and nothing
 * else. Loading, validation and the model live in src/; pages in templates/.
 */
import type { EleventyConfig } from './src/eleventy/eleventy-config.ts';
import { fingerprintPlugin } from './src/eleventy/fingerprint.ts';
import { pathPrefixOf, pathPrefixPlugin } from './src/eleventy/path-prefix.ts';
import { configuredSiteUrl, siteDataPlugin } from './src/eleventy/site-data.ts';
import { templatesPlugin } from './src/eleventy/templates.ts';

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPlugin(siteDataPlugin);
  eleventyConfig.addPlugin(templatesPlugin);
  eleventyConfig.addPlugin(fingerprintPlugin);
  eleventyConfig.addPlugin(pathPrefixPlugin);
  eleventyConfig.addPassthroughCopy({ public: '/' });
  // A site whose url has a path is served under it: every page's URLs get it (see path-prefix.ts).
  const url = configuredSiteUrl();
  return { pathPrefix: url ? pathPrefixOf(url) : '/' };
}

export const config = {
  dir: { input: 'src/pages/templates' },
};
