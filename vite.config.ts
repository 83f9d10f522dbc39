/**
 * The editor's build. Everything is bundled locally — Monaco and its JSON worker included — so
 * the product never loads code from a CDN. `npm run dev` proxies /api and /vonage to the runtime.
 *
 * The production build compiles the flow, schedule and flow-test schemas with Ajv at build time
 * (`precompiledAjv`): the browser gets Ajv's generated validation functions instead of Ajv, so
 * opening a flow does not first spend ~200 ms compiling schemas (and loads ~25 KB less gzip).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone').default as typeof import('ajv/dist/standalone').default;

/** The options schema/structure.ts gives Ajv; the build fails when that file says otherwise. */
const ajvOptions = { allErrors: true, discriminator: true, strict: false };
const ajvCall = `new Ajv2020({ ${Object.entries(ajvOptions)
  .map(([key, value]) => `${key}: ${value}`)
  .join(', ')} })`;
const schemaFiles = ['flow', 'schedule', 'flow-test'];
const shimId = '\0flowcall-precompiled-ajv';
const isStructure = (id: string | undefined) => !!id?.replaceAll('\\', '/').endsWith('/schema/structure.ts');

/**
 * The module that stands in for 'ajv/dist/2020.js' in schema/structure.ts: Ajv's standalone code
 * for our schemas, and an `Ajv2020` whose `compile(schema)` returns the function generated for
 * that schema's $id. Same Ajv, same options: the same validation code and the same errors.
 */
export function precompiledValidators(): string {
  const ajv = new Ajv2020({ ...ajvOptions, code: { source: true, esm: true } });
  const exported: Record<string, string> = {};
  for (const [i, file] of schemaFiles.entries()) {
    const path = new URL(`./schema/${file}.schema.json`, import.meta.url);
    const schema = JSON.parse(readFileSync(path, 'utf8')) as { $id: string };
    ajv.addSchema(schema);
    exported[`validate${i}`] = schema.$id;
  }
  // Ajv's runtime helpers (ucs2length…) are CommonJS modules referenced by `require` even in ESM
  // output. Node's default import of one is its module.exports, a bundler's is exports.default.
  const imports: string[] = [];
  const code = standaloneCode(ajv, exported).replace(/require\("([^"]+)"\)/g, (_, path: string) => {
    const name = `runtime${imports.length}`;
    const file = path.endsWith('.js') ? path : `${path}.js`;
    imports.push(
      `import ${name}Import from ${JSON.stringify(file)};`,
      `const ${name} = { default: ${name}Import?.__esModule ? ${name}Import.default : ${name}Import };`,
    );
    return name;
  });
  const byId = Object.entries(exported).map(([name, id]) => `${JSON.stringify(id)}: ${name}`);
  return `${imports.join('\n')}
${code}
const validators = { ${byId.join(', ')} };
export class Ajv2020 {
  compile(schema) {
    const validate = validators[schema.$id];
    if (!validate) throw new Error('no precompiled validator for ' + schema.$id);
    return validate;
  }
}
`;
}

export function precompiledAjv(): Plugin {
  return {
    name: 'flowcall-precompiled-ajv',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'ajv/dist/2020.js' && isStructure(importer) ? shimId : null;
    },
    transform(code, id) {
      if (isStructure(id) && !code.includes(ajvCall))
        this.error(`schema/structure.ts no longer calls ${ajvCall}: update ajvOptions in vite.config.ts`);
      return null;
    },
    load(id) {
      return id === shimId ? precompiledValidators() : null;
    },
  };
}

export default defineConfig({
  root: 'editor',
  base: '/',
  plugins: [react(), precompiledAjv()],
  build: {
    outDir: '../dist/editor',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8787', '/vonage': 'http://127.0.0.1:8787' },
  },
  worker: { format: 'es' },
});
