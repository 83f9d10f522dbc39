/**
 * What the flow page's toolbar says and allows, from the editor state. Pure so the rules
 * ("never publish with errors", "save before publishing") are tested without a browser.
 */
import type { Issue } from '../../schema/issue.ts';

export type SaveState = 'unsaved' | 'saved';

export interface PageStatus {
  save: SaveState;
  /** Published version number, or null when the flow was never published. */
  published: number | null;
  errors: number;
  warnings: number;
  /** Publishing is refused while the flow has errors: callers would reach a broken flow. */
  canPublish: boolean;
}

export function pageStatus(input: {
  unsaved: boolean;
  publishedVersion: number | null;
  issues: readonly Issue[];
}): PageStatus {
  const errors = input.issues.filter((i) => i.severity === 'error').length;
  return {
    save: input.unsaved ? 'unsaved' : 'saved',
    published: input.publishedVersion,
    errors,
    warnings: input.issues.length - errors,
    canPublish: errors === 0,
  };
}

/**
 * Whether a hash still shows this flow's page (same route parsing as app.tsx: `#/flows/<id>`).
 * Changing to any other route leaves the page and needs the unsaved-changes question.
 */
export function isFlowRoute(hash: string, flowId: string): boolean {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'flows' || parts[1] === undefined) return false;
  try {
    return decodeURIComponent(parts[1]) === flowId;
  } catch {
    return false;
  }
}

/**
 * Deep equality of two JSON documents that skips shared sub-objects by identity. The edits
 * keep untouched nodes as the same objects, so while a node is dragged only that node is
 * compared: the "unsaved changes" status costs microseconds per frame, not a serialisation
 * of the whole flow. Key order does not matter (JSON objects are unordered).
 */
export function sameDocument(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameDocument(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  if (keys.length !== Object.keys(right).filter((k) => right[k] !== undefined).length) return false;
  return keys.every((k) => Object.hasOwn(right, k) && sameDocument(left[k], right[k]));
}

/** Whether the flow differs from what the server has (the toolbar status, the leave guard). */
export function hasUnsavedFlow(state: { flow: unknown; saved: unknown }): boolean {
  return state.flow !== null && !sameDocument(state.flow, state.saved);
}
