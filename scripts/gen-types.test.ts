import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedTypeFiles, generateTypes } from './gen-types.ts';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schema');

describe('generated types', () => {
  it('match the JSON Schemas (run `npm run gen:types` after changing a schema)', async () => {
    const generated = await generateTypes();
    expect([...generated.keys()]).toEqual(generatedTypeFiles.map((f) => f.out));
    for (const [out, source] of generated) {
      expect(readFileSync(join(schemaDir, out), 'utf8'), `schema/${out} is stale`).toBe(source);
    }
  });

  it('name every node kind of the flow schema', async () => {
    const flow = (await generateTypes()).get('generated/flow.ts') ?? '';
    for (const kind of ['say', 'menu', 'input', 'hours', 'sms', 'record', 'transfer', 'notify', 'hangup']) {
      expect(flow).toContain(`kind: '${kind}';`);
    }
  });
});
