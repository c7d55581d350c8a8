/**
 * The parts of zod the engine uses, re-exported by name; every module imports
 * `* as z` from here, not `{ z }` from 'zod', and writes `z.string()` as usual.
 *
 * Why: zod's own `z` is a namespace of everything it has, all its locales'
 * messages included (735 KB), and a bundler cannot leave any of it out. The
 * binary (scripts/compile.mjs bundles it) carries only what these names reach,
 * about a quarter of that, which was 50 ms of every command's start-up.
 * Add a name here when a module needs one more of zod's functions.
 */
export {
  array,
  boolean,
  core,
  email,
  enum,
  int,
  iso,
  literal,
  looseObject,
  NEVER,
  null,
  number,
  partialRecord,
  record,
  strictObject,
  string,
  toJSONSchema,
  union,
  unknown,
  url,
  ZodError,
  ZodType,
} from 'zod';
export type { infer, output } from 'zod';
