/**
 * The editor features the JSON view uses. `editor.api` is the bare editor: completion, hovers,
 * find, folding… are separate contributions that `editor.main` would load all at once (with
 * every language). This list keeps the lazy chunk to what editing a flow needs.
 */
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
