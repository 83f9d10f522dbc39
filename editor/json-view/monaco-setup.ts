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
// Editor features: `editor.api` is the bare editor; completion, hovers, find, folding… are
// contributions that `editor.main` would load all at once (with every language). These are what
// editing a flow needs.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
// The suggest widget (schema completion); features/suggest only adds inline suggestions.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/indentation/register';
// Ctrl+M: Tab moves focus instead of indenting, so keyboard users can leave the editor.
import 'monaco-editor/features/toggleTabFocusMode/register';

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
