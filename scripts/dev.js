/**
 * The repository's own runner: `node scripts/dev.js <command> [arguments]`
 * runs `noticeboard <command>` from the TypeScript in src/ (the npm scripts
 * use it), as the published package runs dist/cli/main.js.
 *
 * tsx, which runs the project's TypeScript, sees every module the process
 * loads once it is on, packages included, and that costs time at startup (the
 * build loads about a thousand modules). This file is plain JavaScript so it
 * needs no tsx: it loads the build's packages as they are, then turns tsx on
 * for the project's own code, which imports the same, already loaded modules.
 * Measured on the 1,000-notice benchmark: 0.15 s of a 1.9 s build.
 * Only build and start load those packages; the other commands start faster without.
 */
/** The packages the build imports, biggest first (Eleventy is most of the startup). */
const PACKAGES = ['@11ty/eleventy', 'zod', 'yaml', 'js-yaml', 'markdown-it', 'date-fns/format', '@date-fns/tz', 'feed', 'ical-generator'];
const BUILDING = ['build', 'start'];

if (BUILDING.includes(process.argv[2] ?? '')) await Promise.all(PACKAGES.map((name) => import(name)));
// What `node --import tsx` does, from here on (tsx's main module only registers its loaders).
const tsx = 'tsx';
await import(tsx);
await import(new URL('../src/cli/main.ts', import.meta.url).href);
