/**
 * Generates runtime/vonage/testing/strict-ncco.schema.json from the `StrictNcco` type in
 * runtime/vonage/strict-ncco.ts (Vonage's @vonage/voice NCCO types plus a reviewed overlay,
 * reference §8.2 b). `npm run gen:ncco-schema` writes it; gen-ncco-schema.test.ts fails when the
 * committed file is stale, so a change of the types or an @vonage/voice bump shows up as a
 * reviewable schema diff.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const typesFile = join(root, 'runtime/vonage/strict-ncco.ts');
export const nccoSchemaFile = join(root, 'runtime/vonage/testing/strict-ncco.schema.json');

/** The SDK version the schema was derived from: a bump must regenerate (and re-review) it. */
function vonageVoiceVersion(): string {
  const pkg: unknown = JSON.parse(
    readFileSync(join(root, 'node_modules/@vonage/voice/package.json'), 'utf8'),
  );
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** The strict NCCO schema as a JSON value (property order is the generator's, sorted). */
export function generateNccoSchema(): Record<string, unknown> {
  const schema = createGenerator({
    path: typesFile,
    tsconfig: join(root, 'tsconfig.json'),
    type: 'StrictNcco',
    // Types only: the SDK's long doc comments would bury the structure in descriptions.
    jsDoc: 'basic',
    // tsc already checks the project; skipping it here keeps generation at about 2 s.
    skipTypeCheck: true,
    additionalProperties: false,
  }).createSchema('StrictNcco');
  return {
    $comment:
      `Generated from runtime/vonage/strict-ncco.ts (@vonage/voice ${vonageVoiceVersion()}) ` +
      'by scripts/gen-ncco-schema.ts. Do not edit: run npm run gen:ncco-schema.',
    ...schema,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(nccoSchemaFile, `${JSON.stringify(generateNccoSchema(), null, 2)}\n`);
  // Biome owns JSON layout in this repo; format now so `npm run lint` stays clean.
  execFileSync(join(root, 'node_modules/.bin/biome'), ['format', '--write', nccoSchemaFile], {
    stdio: 'ignore',
  });
  console.log(`wrote ${relative(root, nccoSchemaFile)}`);
}
