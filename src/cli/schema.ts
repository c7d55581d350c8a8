/** `npm run schema`: writes the editor JSON Schemas into schema/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { configJsonSchema, noticeJsonSchema } from '../content/json-schemas.ts';
import { parseFlags, runCommand } from './command.ts';

await runCommand(() => {
  parseFlags({}, 'usage: noticeboard schema (no flags)');
  mkdirSync('schema', { recursive: true });
  for (const [file, schema] of [
    ['schema/site.config.schema.json', configJsonSchema()],
    ['schema/notice.schema.json', noticeJsonSchema()],
  ] as const) {
    writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
    console.log(`Wrote ${file}`);
  }
});
