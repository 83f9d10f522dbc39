/// <reference types="vite/client" />
/**
 * Monaco, bundled by Vite from the monaco-editor package: the editor API, the JSON language and
 * the two workers as `?worker` imports. Never a CDN, never the AMD loader. Only json-view.tsx
 * imports this file, and the flow page loads json-view.tsx lazily, so none of it is in the
 * initial bundle.
 *
 * The import paths are those of the package's `exports` map ("./*" → "./esm/vs/*.js"): the
 * files are esm/vs/editor/editor.api.js etc.; the longer `monaco-editor/esm/vs/…` specifiers do
 * not resolve through that map.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { jsonDefaults } from 'monaco-editor/language/json/monaco.contribution';
import flowSchema from '../../schema/flow.schema.json' with { type: 'json' };
import './monaco-features.ts';

/** The model of the open flow: the schema is matched to this URI. */
export const flowModelUri = monaco.Uri.parse('inmemory://flowcall/flow.json');

const schemaAliases = ['inmemory://flowcall/schema/flow.schema.json', 'inmemory://flowcall/flow.schema.json'];

let configured = false;

export function setupMonaco(): typeof monaco {
  if (configured) return monaco;
  configured = true;
  self.MonacoEnvironment = {
    getWorker: (_workerId: string, label: string) =>
      label === 'json' ? new JsonWorker() : new EditorWorker(),
  };
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    trailingCommas: 'error',
    enableSchemaRequest: false,
    schemaValidation: 'error',
    schemas: [
      { uri: flowSchema.$id, fileMatch: [flowModelUri.toString()], schema: flowSchema },
      // A document's own `$schema` wins over fileMatch. The examples say
      // "../../schema/flow.schema.json", which resolves against the model URI to these; serve
      // the same schema there instead of letting the service try (and fail) to fetch it.
      ...schemaAliases.map((uri) => ({ uri, schema: flowSchema })),
    ],
  });
  return monaco;
}

export type Monaco = typeof monaco;
export type { editor } from 'monaco-editor/editor/editor.api';
