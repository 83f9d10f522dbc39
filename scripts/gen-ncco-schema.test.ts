import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateNccoSchema, nccoSchemaFile } from './gen-ncco-schema.ts';

describe('strict NCCO schema', () => {
  let generated: Record<string, unknown> = {};
  beforeAll(() => {
    generated = generateNccoSchema();
  });

  // Compared as JSON values: Biome owns the file's layout.
  it('matches runtime/vonage/strict-ncco.ts and the installed @vonage/voice (run `npm run gen:ncco-schema`)', () => {
    const committed: unknown = JSON.parse(readFileSync(nccoSchemaFile, 'utf8'));
    expect(committed, 'runtime/vonage/testing/strict-ncco.schema.json is stale').toEqual(generated);
  });

  it('closes every action to unknown fields and knows every action the runtime may emit', () => {
    const schema = generated as { definitions: Record<string, { additionalProperties?: unknown }> };
    const actions = [
      'Talk',
      'Stream',
      'Input',
      'Record',
      'Connect',
      'Conversation',
      'Notify',
      'Wait',
      'Transfer',
    ];
    for (const name of actions) {
      expect(schema.definitions[`Strict${name}`]?.additionalProperties, name).toBe(false);
    }
  });
});
