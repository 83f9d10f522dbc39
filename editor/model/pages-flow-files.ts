/**
 * The flows list's pure parts: ids (suggested from a name, checked like the schema checks them),
 * copies, and JSON files in and out. Flow ids appear in URLs and files, so they stay plain
 * lower-case ASCII even when the name is Japanese.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { hasErrors } from '../../schema/issue.ts';
import { type ValidationContext, validateFlow } from '../../schema/validate.ts';

/** The schema's slug rule for flow and schedule ids. */
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export type IdProblem = 'empty' | 'format' | 'taken';

export function idProblem(id: string, taken: ReadonlySet<string>): IdProblem | undefined {
  if (id === '') return 'empty';
  if (!slugPattern.test(id)) return 'format';
  return taken.has(id) ? 'taken' : undefined;
}

/** `base`, or `base-2`, `base-3`… — the first one not taken (kept within 64 characters). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * An id from a name: ASCII letters and digits kept, everything else a hyphen. A Japanese name
 * has no usable letters, so it falls back to `fallback` (e.g. flow, flow-2).
 */
export function suggestId(name: string, taken: ReadonlySet<string>, fallback = 'flow'): string {
  const slug = name
    .normalize('NFKC') // full-width Ｓａｋｕｒａ → Sakura
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return uniqueId(slug === '' ? fallback : slug, taken);
}

/** A copy under a new id and name (nodes, positions and notes kept). */
export function copyFlow(doc: FlowDocument, id: string, name: string): FlowDocument {
  return { ...structuredClone(doc), id, name };
}

export function exportFileName(id: string): string {
  return `${id}.json`;
}

/** The text of an exported file: the document as the CLI and the JSON view write it. */
export function flowFileText(doc: FlowDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export type ImportResult =
  | { ok: false; reason: 'not-json'; detail: string }
  | { ok: false; reason: 'invalid'; issues: Issue[] }
  | { ok: true; doc: FlowDocument; warnings: Issue[] };

/**
 * Reads an imported file with the same validateFlow the server will apply on create, against
 * the schedules and channels the server knows — so a file is refused here, with reasons, rather
 * than by a 422 after the fact.
 */
export function readFlowFile(text: string, context: ValidationContext): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')); // Windows editors like to add a BOM
  } catch (error) {
    return { ok: false, reason: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  const issues = validateFlow(doc, context);
  if (hasErrors(issues)) return { ok: false, reason: 'invalid', issues };
  return { ok: true, doc: doc as FlowDocument, warnings: issues };
}

/** The numbers that answer with a flow (so deleting it can say what stops working). */
export function numbersUsing<T extends { flowId: string | null }>(
  flowId: string,
  numbers: readonly T[],
): T[] {
  return numbers.filter((n) => n.flowId === flowId);
}

/**
 * Where an import problem is, for a plain message: the step it belongs to (if any) and the last
 * named field of its pointer (`/nodes/2/params/text` → text).
 */
export function issuePlace(issue: Issue): { step: string | undefined; field: string } {
  const named = issue.path
    .split('/')
    .slice(1)
    .filter((s) => !/^\d+$/.test(s));
  const field = named.at(-1) ?? '';
  return { step: issue.nodeId, field: field === 'nodes' ? '' : field };
}
