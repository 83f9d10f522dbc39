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
