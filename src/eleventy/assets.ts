/**
 * Writes the site's static files into the output folder as each build starts:
 * the engine's public/ overlaid with the site's own, and the fingerprinted
 * copies of stylesheets and scripts (src/site/assets.ts). During a build the
 * output folder is the staging folder, so they are published with the pages
 * that link them.
 */
import { resolve } from 'node:path';
import type { SiteAssets } from '../site/assets.ts';
import type { EleventyConfig } from './eleventy-config.ts';

export function assetsPlugin(assets: SiteAssets) {
  return (eleventyConfig: EleventyConfig): void => {
    eleventyConfig.on('eleventy.before', (event: EleventyBuildEvent) => {
      if (event.outputMode !== undefined && event.outputMode !== 'fs') return;
      const output = event.directories?.output ?? event.dir?.output;
      if (!output) throw new Error('assets: Eleventy did not say where the output folder is');
      assets.writeInto(resolve(output));
    });
  };
}

/** The part of Eleventy's `eleventy.before` argument used here. */
interface EleventyBuildEvent {
  directories?: { output?: string };
  dir?: { output?: string };
  outputMode?: string;
}
