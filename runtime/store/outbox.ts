/**
 * The outbox: side effects (SMS, notifications) queued by webhooks and drained by the worker in
 * runtime/effects. Items are never deleted: done and dead items are the record of what was
 * sent or given up on. The idempotency key makes enqueueing a retried turn's effects a no-op.
 */
import type { Kysely, Selectable } from 'kysely';
import { fromJson, fromJsonOrNull, toJson, utc } from './codec.ts';
import type { Database, OutboxTable } from './database.ts';
import type { NewOutboxItem, OutboxItem, Store } from './types.ts';
import type { WorkspaceScope } from './workspace-scope.ts';

/** Long provider errors (HTML error pages) are cut: the column is for people reading a log. */
const maxErrorLength = 2000;

const toItem = (row: Selectable<OutboxTable>): OutboxItem => ({
  id: row.id,
  kind: row.kind,
  idempotencyKey: row.idempotency_key,
  callId: row.call_id,
  payload: fromJson<Record<string, unknown>>(row.payload),
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  result: fromJsonOrNull<Record<string, unknown>>(row.result),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Inserts items inside whatever transaction `db` is (calls.ts queues a turn's side effects in
 * the turn's own transaction); an existing idempotency key is left as it is.
 */
export async function insertOutboxItems(
  db: Kysely<Database>,
  items: readonly NewOutboxItem[],
  at: string,
): Promise<void> {
  if (items.length === 0) return;
  const now = utc(at);
  const rows = items.map((item) => ({
    kind: item.kind,
    idempotency_key: item.idempotencyKey,
    call_id: item.callId,
    payload: toJson(item.payload),
    status: 'pending' as const,
    attempts: 0,
    next_attempt_at: item.notBefore === undefined ? now : utc(item.notBefore),
    last_error: null,
    result: null,
    created_at: now,
    updated_at: now,
  }));
  await db
    .insertInto('outbox')
    .values(rows)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

/**
 * The outbox is the installation's: the worker claims and marks items of every workspace. A
 * workspace's store (`scope`) lists only the items of its own calls; the worker's operations
 * pass through unchanged (they name items by id, never by workspace).
 */
export function outboxRepository(db: Kysely<Database>, scope: WorkspaceScope): Store['outbox'] {
  const due = async (now: string, limit: number) => {
    const rows = await db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', utc(now))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toItem);
  };

  return {
    enqueue: (items, at) => insertOutboxItems(db, items, at),
    due,
    async claim(now, limit, leaseUntil) {
      const lease = utc(leaseUntil);
      const claimed: OutboxItem[] = [];
      for (const item of await due(now, limit)) {
        // Compare-and-set on the due time: of two workers that read the same item, one wins.
        // The lease makes an item whose worker died mid-send due again later (at least once).
        const result = await db
          .updateTable('outbox')
          .set({ next_attempt_at: lease, updated_at: utc(now) })
          .where('id', '=', item.id)
          .where('status', '=', 'pending')
          .where('next_attempt_at', '=', item.nextAttemptAt)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) claimed.push({ ...item, nextAttemptAt: lease });
      }
      return claimed;
    },
    async markDone(id, result, at) {
      const now = utc(at);
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'done',
          result: result === null ? null : toJson(result),
          attempts: eb('attempts', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },
    async markFailed(id, error, nextAttemptAt, at) {
      const now = utc(at);
      await db
        .updateTable('outbox')
        .set((eb) => ({
          status: nextAttemptAt === null ? 'dead' : 'pending',
          last_error: error.slice(0, maxErrorLength),
          attempts: eb('attempts', '+', 1),
          ...(nextAttemptAt === null ? {} : { next_attempt_at: utc(nextAttemptAt) }),
          updated_at: now,
        }))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .execute();
    },
    async reschedule(id, expected, nextAttemptAt, at) {
      const result = await db
        .updateTable('outbox')
        .set({ next_attempt_at: utc(nextAttemptAt), updated_at: utc(at) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', utc(expected))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async list(query = {}) {
      let select = db
        .selectFrom('outbox')
        .selectAll()
        .$if(scope !== null, (qb) =>
          qb.where(({ exists, selectFrom }) =>
            exists(
              selectFrom('calls')
                .select('calls.id')
                .whereRef('calls.id', '=', 'outbox.call_id')
                .where('calls.workspace_id', '=', scope as string),
            ),
          ),
        );
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (query.callId !== undefined) select = select.where('call_id', '=', query.callId);
      const rows = await select.orderBy('id').execute();
      return rows.map(toItem);
    },
  };
}
