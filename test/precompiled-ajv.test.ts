/**
 * The editor's production build validates with Ajv's standalone code generated at build time
 * (vite.config.ts, precompiledAjv). It must accept and reject exactly what Ajv compiling the
 * schemas at run time does, with the same errors — on the examples and on broken documents.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompiledValidators } from '../vite.config.ts';

const root = join(import.meta.dirname, '..');
const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
const schemas = {
  flow: read('schema/flow.schema.json'),
  schedule: read('schema/schedule.schema.json'),
  'flow-test': read('schema/flow-test.schema.json'),
};
// The module imports Ajv's runtime helpers by package name: write it where they resolve.
const dir = join(root, 'node_modules', '.cache', `precompiled-ajv-${process.pid}`);

type Validate = ((doc: unknown) => boolean) & { errors?: unknown };
let precompiled: { compile(schema: unknown): Validate };
beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'validators.mjs'), precompiledValidators());
  const module = (await import(pathToFileURL(join(dir, 'validators.mjs')).href)) as {
    Ajv2020: new () => typeof precompiled;
  };
  precompiled = new module.Ajv2020();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function documents(): Array<[keyof typeof schemas, string, unknown]> {
  const docs: Array<[keyof typeof schemas, string, unknown]> = [];
  const examples = readdirSync(join(root, 'examples'), { withFileTypes: true }).filter((e) =>
    e.isDirectory(),
  );
  for (const { name: example } of examples) {
    const at = `examples/${example}`;
    docs.push(['flow', `${at}/flow.json`, read(`${at}/flow.json`)]);
    docs.push(['flow-test', `${at}/flow.test.json`, read(`${at}/flow.test.json`)]);
    const schedules = join(root, at, 'schedules');
    if (!existsSync(schedules)) continue;
    for (const file of readdirSync(schedules).filter((f) => f.endsWith('.json')))
      docs.push(['schedule', `${at}/schedules/${file}`, read(`${at}/schedules/${file}`)]);
  }
  const flow = read('examples/restaurant/flow.json') as { nodes: Array<Record<string, unknown>> };
  const broken = (change: (f: typeof flow) => void) => {
    const copy = structuredClone(flow);
    change(copy);
    return copy;
  };
  docs.push(['flow', 'unknown kind', broken((f) => Object.assign(f.nodes[0]!, { kind: 'dance' }))]);
  docs.push(['flow', 'unknown field', broken((f) => Object.assign(f, { colour: 'red' }))]);
  docs.push(['flow', 'bad params', broken((f) => Object.assign(f.nodes[0]!, { params: { text: 42 } }))]);
  docs.push(['flow', 'menu without options', broken((f) => Object.assign(f.nodes[2]!, { params: {} }))]);
  docs.push(['flow', 'no nodes', broken((f) => Object.assign(f, { nodes: undefined }))]);
  docs.push(['flow', 'not an object', 'flow']);
  const schedule = read('examples/restaurant/schedules/restaurant-hours.json');
  docs.push(['schedule', 'bad time', { ...schedule, weekly: { mon: [{ from: '25:00', to: '9' }] } }]);
  docs.push(['schedule', 'unknown field', { ...schedule, timezone: 'UTC', extra: true }]);
  return docs;
}

describe('precompiled schema validators', () => {
  const runtime = new Ajv2020({ allErrors: true, discriminator: true, strict: false });
  const compiled = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, runtime.compile(s)]));

  it.each(documents())('%s %s: same verdict and errors as Ajv at run time', (name, _label, doc) => {
    const expected = compiled[name]!;
    const actual = precompiled.compile(schemas[name]);
    expect(actual(doc)).toBe(expected(doc));
    expect(JSON.parse(JSON.stringify(actual.errors ?? null))).toEqual(
      JSON.parse(JSON.stringify(expected.errors ?? null)),
    );
  });

  it('refuses a schema it was not built for', () => {
    expect(() => precompiled.compile({ $id: 'https://example.com/other' })).toThrow(/no precompiled/);
  });
});
