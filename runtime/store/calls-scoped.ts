/**
 * A workspace's view of the calls (store.scoped(id).calls): the calls of its numbers only. Reads
 * filter on workspace_id; a write naming a call of another workspace does nothing (as for an
 * unknown call id), and admission writes the workspace itself. The webhook path never comes
 * here: it runs on the installation's calls (calls.ts) with its compiled queries and group
 * commit, and takes a call's workspace from the called number.
 */
import type { Kysely } from 'kysely';
import { callColumns, rowToCall, rowToEvent } from './call-rows.ts';
import { utc } from './codec.ts';
import type { Database } from './database.ts';
import type { ListCallsQuery, Store } from './types.ts';
import type { WorkspaceScope } from './workspace-scope.ts';

const defaultListLimit = 50;
const maxListLimit = 1000;

/** The call log's newest calls (GET /api/calls), of one workspace or of all. */
export async function listCalls(db: Kysely<Database>, scope: WorkspaceScope, query: ListCallsQuery = {}) {
  let select = db
    .selectFrom('calls')
    .select(callColumns)
    .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));
  if (query.before !== undefined) select = select.where('started_at', '<', utc(query.before));
  if (query.number !== undefined) select = select.where('number', '=', query.number);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? defaultListLimit)), maxListLimit);
  const rows = await select.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(rowToCall);
}

export function workspaceCalls(
  db: Kysely<Database>,
  all: Store['calls'],
  workspaceId: string,
): Store['calls'] {
  const ours = async (callId: string) =>
    (await db
      .selectFrom('calls')
      .select('id')
      .where('id', '=', callId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst()) !== undefined;

  return {
    admit: (call, lines, first) => all.admit({ ...call, workspaceId }, lines, first),
    insertMissed: (call) => all.insertMissed({ ...call, workspaceId }),
    async get(id) {
      const row = await db
        .selectFrom('calls')
        .select(callColumns)
        .where('id', '=', id)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return row ? rowToCall(row) : undefined;
    },
    list: (query) => listCalls(db, workspaceId, query),
    async liveCount(number) {
      const row = await db
        .selectFrom('calls')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('number', '=', number)
        .where('status', '=', 'live')
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async saveTurn(callId, expectedSeq, state, at, write) {
      return (await ours(callId)) ? all.saveTurn(callId, expectedSeq, state, at, write) : false;
    },
    async turns(callId) {
      if (!(await ours(callId))) return [];
      return all.turns(callId);
    },
    async turnResponse(callId, seq) {
      return (await ours(callId)) ? all.turnResponse(callId, seq) : undefined;
    },
    async end(callId, result, at, missedReason) {
      if (await ours(callId)) await all.end(callId, result, at, missedReason);
    },
    async touch(callId, at) {
      if (await ours(callId)) await all.touch(callId, at);
    },
    // The sweeper is the installation's timer; a call silent too long is over in any workspace.
    sweep: (before) => all.sweep(before),
    async addEvent(callId, kind, name, payload, at) {
      if (await ours(callId)) await all.addEvent(callId, kind, name, payload, at);
    },
    async events(callId) {
      const rows = await db
        .selectFrom('call_events')
        .selectAll()
        .where('call_id', '=', callId)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('calls')
              .select('calls.id')
              .where('calls.id', '=', callId)
              .where('calls.workspace_id', '=', workspaceId),
          ),
        )
        .orderBy('id')
        .execute();
      return rows.map(rowToEvent);
    },
  };
}
