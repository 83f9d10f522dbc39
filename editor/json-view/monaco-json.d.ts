// monaco-editor ships no typings next to its JSON contribution entry; it re-exports the JSON
// language registration, whose typings do exist.
declare module 'monaco-editor/language/json/monaco.contribution' {
  export { getWorker, jsonDefaults } from 'monaco-editor/languages/features/json/register';
}
