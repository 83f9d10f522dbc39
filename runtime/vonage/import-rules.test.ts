/**
 * runtime/vonage's own import rule (index.ts): engine types, schema/, @vonage/* and node:crypto;
 * never hono, kysely, react or the store, so the driver stays pure and the HTTP layer owns I/O.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** `import … from '<spec>'` and `export … from '<spec>'`, with whether it is type-only. */
function imports(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) => ({
    spec: m[3]!,
    typeOnly: Boolean(m[2]),
  }));
}

function problem(file: string, spec: string, typeOnly: boolean): string | undefined {
  const testing = file.includes('/testing/');
  if (spec.startsWith('.')) {
    const target = relative(root, resolve(dirname(file), spec));
    if (target.startsWith('runtime/vonage/') || target.startsWith('schema/')) return undefined;
    if (target.startsWith('runtime/engine/')) return typeOnly ? undefined : 'engine: types only';
    return `may not import ${target}`;
  }
  if (spec.startsWith('@vonage/') || spec === 'node:crypto') return undefined;
  if (testing && /^ajv($|\/|-draft-04$)/.test(spec)) return undefined;
  return `package ${spec} not allowed`;
}

describe('runtime/vonage imports', () => {
  it('stay within engine types, schema/, @vonage/* and node:crypto (testing/ may use Ajv)', () => {
    const found = files(here);
    expect(found.length).toBeGreaterThan(6);
    const violations = found.flatMap((file) =>
      imports(file).flatMap(({ spec, typeOnly }) => {
        const why = problem(file, spec, typeOnly);
        return why ? [`${relative(root, file)}: ${spec} — ${why}`] : [];
      }),
    );
    expect(violations).toEqual([]);
  });
});
