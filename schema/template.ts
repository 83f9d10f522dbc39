/**
 * `{{variable}}` templates. Variables are dotted names (`caller.number`, `reception.digits`).
 * Unknown or empty variables render as an empty string at run time; validation reports names no
 * path sets, so that is not a surprise.
 */
const placeholder = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]*)\s*\}\}/g;

/** Names every caller and call has, before any node runs. */
export const builtInVariables = [
  'caller.number',
  'caller.name',
  'caller.national',
  'call.id',
  'call.to',
  'call.startedAt',
  'call.date',
  'call.time',
  'flow.name',
] as const;

export interface TemplateRef {
  name: string;
  /** Offset of the placeholder in the text. */
  index: number;
}

/** The variables a template refers to. */
export function templateRefs(text: string): TemplateRef[] {
  const refs: TemplateRef[] = [];
  for (const match of text.matchAll(placeholder)) refs.push({ name: match[1]!, index: match.index });
  return refs;
}

/** Text between `{{` and `}}` that is not a valid placeholder, e.g. `{{ 1abc }}` or an unclosed `{{`. */
export function malformedPlaceholders(text: string): string[] {
  const bad: string[] = [];
  const withoutGood = text.replace(placeholder, '');
  for (const match of withoutGood.matchAll(/\{\{[^}]*\}?\}?/g)) bad.push(match[0]);
  return bad;
}

export function renderTemplate(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  if (!text.includes('{{')) return text;
  return text.replace(placeholder, (_, name: string) => vars[name] ?? '');
}
