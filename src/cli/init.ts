/**
 * `noticeboard init [DIR]`: writes a new status site into DIR (default: the
 * working folder) that depends on this version of noticeboard; refuses a folder
 * that holds a site already (src/init/init-site.ts).
 */
import { relative, resolve } from 'node:path';
import { initRefusal, writeSite } from '../init/init-site.ts';
import { parseFlags, runCommand, usageError } from './command.ts';
import { packageVersion } from './version.ts';

const USAGE = 'usage: noticeboard init [DIR]  (DIR: a new or empty folder; default: this one)';

await runCommand(() => {
  const { values, positionals } = parseFlags({ help: { type: 'boolean', short: 'h' } }, USAGE, { positionals: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) usageError(`init takes one folder, not ${positionals.length} (${USAGE})`);
  const dir = resolve(process.cwd(), positionals[0] ?? '.');
  const refusal = initRefusal(dir);
  if (refusal) usageError(refusal);
  const version = packageVersion();
  const written = writeSite({ dir, version, now: new Date() });
  const shown = relative(process.cwd(), dir) || '.';
  console.log(`Wrote a status site into ${shown}/ (noticeboard ${version}):`);
  for (const path of written) console.log(`  ${path}`);
  console.log(`
Next:
${shown === '.' ? '' : `  cd ${shown}\n`}  npm install
  npx noticeboard build     # the site, into _site/
  npx noticeboard start     # preview at http://localhost:8080
Edit site.config.yaml (title, url, time zone, services) and write notices with npx noticeboard new.`);
  return 0;
});
