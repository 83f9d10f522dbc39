/**
 * Enforces the layout's import rules (docs/architecture.md) and the engine's purity by reading
 * every import of every source file with the TypeScript parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface ImportRef {
  file: string;
  specifier: string;
  typeOnly: boolean;
  /** Project-relative path of the imported file, for relative imports. */
  target?: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

const isTest = (file: string) => /\.test\.tsx?$|test-helpers\.ts$|[/\\]testing[/\\]/.test(file);

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const refs: ImportRef[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    const target = specifier.startsWith('.')
      ? relative(root, resolve(root, dirname(file), specifier))
      : undefined;
    refs.push({ file, specifier, typeOnly, ...(target ? { target } : {}) });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings;
      const allNamedTypes =
        !!named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      add(statement.moduleSpecifier.text, !!clause && (clause.isTypeOnly || (allNamedTypes && !clause.name)));
    } else if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      add(statement.moduleSpecifier.text, statement.isTypeOnly);
    }
  }
  // Dynamic imports count too.
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) add(match[1]!, false);
  return refs;
}

const all = ['schema', 'runtime', 'editor'].flatMap((dir) => {
  try {
    return sourceFiles(dir);
  } catch {
    return [];
  }
});
const production = all.filter((f) => !isTest(f));
const inFolder = (folder: string) => production.filter((f) => f.startsWith(`${folder}/`));

/** schema/ modules the engine may import as values: pure, no Ajv, no JSON schemas. */
const pureSchemaModules = [
  'schema/kinds.ts',
  'schema/phone.ts',
  'schema/sms-text.ts',
  'schema/template.ts',
  'schema/time-window.ts',
  'schema/issue.ts',
];
const enginePackages = ['@holiday-jp/holiday_jp', 'libphonenumber-js/max'];

function violations(files: string[], check: (ref: ImportRef) => string | undefined): string[] {
  return files.flatMap((file) =>
    importsOf(file).flatMap((ref) => {
      const problem = check(ref);
      return problem ? [`${file}: ${ref.specifier} — ${problem}`] : [];
    }),
  );
}

describe('import rules', () => {
  it('schema/ imports only Ajv, the phone library and itself', () => {
    expect(
      violations(inFolder('schema'), (ref) => {
        if (ref.target) return ref.target.startsWith('schema/') ? undefined : 'outside schema/';
        return /^(ajv|libphonenumber-js)/.test(ref.specifier) ? undefined : 'package not allowed in schema/';
      }),
    ).toEqual([]);
  });

  it('runtime/engine imports only itself, pure schema helpers (types from anywhere in schema/) and pure libraries', () => {
    expect(
      violations(inFolder('runtime/engine'), (ref) => {
        if (ref.target?.startsWith('runtime/engine/')) return undefined;
        if (ref.target?.startsWith('schema/')) {
          return ref.typeOnly || pureSchemaModules.includes(ref.target)
            ? undefined
            : 'only types or pure helpers from schema/';
        }
        return enginePackages.includes(ref.specifier) ? undefined : 'not allowed in the pure engine';
      }),
    ).toEqual([]);
  });

  it('the pure schema helpers the engine uses stay pure themselves', () => {
    expect(
      violations(pureSchemaModules, (ref) => {
        if (ref.typeOnly) return undefined;
        if (ref.target)
          return pureSchemaModules.includes(ref.target) ? undefined : 'pure helpers import only pure helpers';
        return enginePackages.includes(ref.specifier) ? undefined : 'package not pure';
      }),
    ).toEqual([]);
  });

  it('runtime/engine never reads the clock or randomness', () => {
    const code = (file: string) =>
      readFileSync(join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/from\s+'[^']*'/g, '');
    const offenders = [...inFolder('runtime/engine'), ...pureSchemaModules].filter((file) =>
      /Date\.now\s*\(|Math\.random\s*\(|new Date\(\s*\)|\bperformance\.now|\b(process|globalThis|window|document)\.\w/.test(
        code(file),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('runtime/simulator uses only the engine and schema/ (node:* only in its file-loading and CLI files)', () => {
    const nodeAllowed = (file: string) => /load-files\.ts$|[/\\]cli/.test(file);
    expect(
      violations(inFolder('runtime/simulator'), (ref) => {
        if (ref.target) {
          return /^(runtime\/(engine|simulator)|schema)\//.test(ref.target)
            ? undefined
            : 'simulator may use engine/ and schema/ only';
        }
        if (ref.specifier.startsWith('node:'))
          return nodeAllowed(ref.file) ? undefined : 'node:* outside the CLI files';
        return /^(react|hono|kysely|better-sqlite3|@vonage)/.test(ref.specifier)
          ? 'not allowed in the simulator'
          : undefined;
      }),
    ).toEqual([]);
  });

  it('the rest of runtime/ never imports the editor or React', () => {
    expect(
      violations(inFolder('runtime'), (ref) => {
        if (ref.target?.startsWith('editor/')) return 'runtime must not import editor/';
        return /^react(-dom)?($|\/)/.test(ref.specifier) ? 'runtime must not import React' : undefined;
      }),
    ).toEqual([]);
  });

  it('runtime/vonage is a pure driver: no HTTP framework, database or store', () => {
    expect(
      violations(inFolder('runtime/vonage'), (ref) => {
        if (ref.target) {
          return /^(runtime\/(engine|vonage)|schema)\//.test(ref.target)
            ? undefined
            : 'the driver uses engine/ and schema/ only';
        }
        return /^(hono|@hono|kysely|better-sqlite3|react)/.test(ref.specifier)
          ? 'not allowed in the Vonage driver'
          : undefined;
      }),
    ).toEqual([]);
  });

  it('runtime/store and runtime/effects never reach up into HTTP', () => {
    expect(
      violations([...inFolder('runtime/store'), ...inFolder('runtime/effects')], (ref) => {
        if (ref.target && /^runtime\/(http|cli|simulator)\//.test(ref.target))
          return 'storage and effects sit below the HTTP layer';
        return /^(hono|@hono|react)/.test(ref.specifier) ? 'not allowed below the HTTP layer' : undefined;
      }),
    ).toEqual([]);
  });

  it('runtime/history is pure call-log logic: no HTTP, database driver or browser code', () => {
    expect(
      violations(inFolder('runtime/history'), (ref) => {
        if (ref.target && /^(runtime\/(http|cli|effects|vonage)|editor)\//.test(ref.target))
          return 'history logic sits below HTTP and beside the store';
        return /^(hono|@hono|react|better-sqlite3|kysely)/.test(ref.specifier)
          ? 'not allowed in history logic'
          : undefined;
      }),
    ).toEqual([]);
  });

  it('runtime/auth keeps accounts below HTTP: no web framework, no database driver', () => {
    expect(
      violations(inFolder('runtime/auth'), (ref) => {
        if (ref.target) {
          if (ref.target.startsWith('runtime/auth/') || ref.target === 'runtime/effects/channels/email.ts')
            return undefined;
          const accountTypes = [
            'runtime/store/accounts-types.ts',
            'runtime/store/migrations/0005-accounts.ts',
          ];
          if (ref.target.startsWith('runtime/store/'))
            return ref.typeOnly || accountTypes.includes(ref.target)
              ? undefined
              : "only the store's contract";
          return 'auth may use the store contract and the email transport only';
        }
        if (ref.specifier.startsWith('node:') || ref.specifier === '@node-rs/argon2') return undefined;
        return 'package not allowed in runtime/auth';
      }),
    ).toEqual([]);
  });

  it("runtime/contacts uses schema/, the store's types and iconv-lite only (no database, no HTTP)", () => {
    expect(
      violations(inFolder('runtime/contacts'), (ref) => {
        if (ref.target) {
          if (/^(schema|runtime\/contacts)\//.test(ref.target)) return undefined;
          if (ref.target.startsWith('runtime/store/'))
            return ref.typeOnly ? undefined : 'only types from the store';
          return "contacts may use schema/ and the store's types only";
        }
        return ref.specifier === 'iconv-lite' ? undefined : 'package not allowed in runtime/contacts';
      }),
    ).toEqual([]);
  });

  it('editor/ talks to the runtime over HTTP: no server folders, no node:*', () => {
    expect(
      violations(inFolder('editor'), (ref) => {
        if (ref.specifier.startsWith('node:')) return 'node:* in the browser';
        if (ref.target?.startsWith('runtime/') && !/^runtime\/(engine|simulator)\//.test(ref.target)) {
          return 'editor may use runtime/engine and runtime/simulator only';
        }
        if (ref.target?.endsWith('load-files.ts')) return 'file loading is node-only';
        return undefined;
      }),
    ).toEqual([]);
  });

  it('reads a meaningful number of files (the scan itself works)', () => {
    expect(inFolder('runtime/engine').length).toBeGreaterThan(10);
    expect(
      importsOf('runtime/engine/engine.ts').some((r) => r.target === 'schema/kinds.ts' && r.typeOnly),
    ).toBe(true);
  });
});
