/**
 * Which workspace a repository works in (issue 7, migration 0006). A workspace's store
 * (`store.scoped(id)`) reads and writes only that workspace's flows, schedules, numbers,
 * channels, contacts and calls; the installation's store (scope null: webhooks, the outbox
 * worker, benches, seeding) reads every workspace and creates new rows in `default`.
 *
 * Ids stay global keys, so a write under an id that another workspace owns cannot become
 * "ours": the repositories throw WorkspaceConflictError, which the API answers with a 409 that
 * does not say whose the id is.
 */
import { defaultWorkspaceId } from './migrations/0005-accounts.ts';

export { defaultWorkspaceId };

/** A workspace id, or null for the installation's view of every workspace. */
export type WorkspaceScope = string | null;

/** The workspace a new row of this scope belongs to. */
export const homeOf = (scope: WorkspaceScope): string => scope ?? defaultWorkspaceId;

/** What a refused id is: a flow, schedule, channel or contact id, or a phone number. */
export type ConflictKind = 'id' | 'number';

export class WorkspaceConflictError extends Error {
  readonly code = 'workspace-conflict';

  constructor(
    readonly kind: ConflictKind,
    id: string,
  ) {
    // For the server's log only: the API's answer names neither the id's owner nor the id.
    super(`${kind} "${id}" belongs to another workspace`);
    this.name = 'WorkspaceConflictError';
  }
}

/** True for WorkspaceConflictError, also across module copies (checks the code). */
export function isWorkspaceConflict(error: unknown): error is WorkspaceConflictError {
  return error instanceof Error && (error as { code?: unknown }).code === 'workspace-conflict';
}

/** An upsert that changed no row hit a row of another workspace (its update was guarded). */
export function refuseIfUntouched(
  result: { numInsertedOrUpdatedRows?: bigint },
  kind: ConflictKind,
  id: string,
): void {
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw new WorkspaceConflictError(kind, id);
}
