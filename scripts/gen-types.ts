/**
 * Generates TypeScript types from the JSON Schemas in schema/ so the code and the contract
 * cannot drift apart. `npm run gen:types` writes them; gen-types.test.ts fails when the
 * committed files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');

export const generatedTypeFiles = [
  { schema: 'flow.schema.json', out: 'generated/flow.ts', name: 'FlowDocument' },
  { schema: 'schedule.schema.json', out: 'generated/schedule.ts', name: 'ScheduleDocument' },
  { schema: 'flow-test.schema.json', out: 'generated/flow-test.ts', name: 'FlowTestFile' },
] as const;

/**
 * The schemas' titles are bilingual help text for the editor, not type names: drop them so types
 * are named after their `$defs` keys, and drop the discriminator's shared `kind` declaration
 * (it only helps Ajv) so a node type is the plain union of its kinds.
 */
function forTypes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forTypes);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'title') continue;
    out[key] = forTypes(child);
  }
  if ('discriminator' in out) {
    delete out.properties;
    delete out.required;
    delete out.type;
  }
  return out;
}

/** Returns the generated source for every schema, keyed by output path (relative to schema/). */
export async function generateTypes(): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const file of generatedTypeFiles) {
    const schema = forTypes(JSON.parse(readFileSync(join(schemaDir, file.schema), 'utf8'))) as object;
    const source = await compile({ ...schema, title: file.name } as JSONSchema, file.name, {
      bannerComment: `/* Generated from schema/${file.schema} by scripts/gen-types.ts. Do not edit: run npm run gen:types. */`,
      additionalProperties: false,
      unreachableDefinitions: true,
      cwd: schemaDir,
      format: true,
      ignoreMinAndMaxItems: true,
      style: { singleQuote: true, printWidth: 110 },
    });
    result.set(file.out, source);
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [out, source] of await generateTypes()) {
    writeFileSync(join(schemaDir, out), source);
    console.log(`wrote schema/${out}`);
  }
}
