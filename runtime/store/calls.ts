/**
 * Calls: admission against the number's line count, the per-turn optimistic state update, the
 * remembered NCCO of each turn (so a retried webhook gets the same answer), and the call log.
 */
import type { Kysely } from 'kysely';
import type { CallResult } from '../engine/types.ts';
import { callColumns, callToRow, rowToCall, rowToEvent, sweptOutcome } from './call-rows.ts';
import { listCalls } from './calls-scoped.ts';
import { fromJson, toJson, utc } from './codec.ts';
import type { Database } from './database.ts';
import { queueHistoryIn } from './history-queue.ts';
import { insertOutboxItems } from './outbox.ts';
import { reusableQuery } from './reusable-query.ts';
import type { AdmitResult, MissedReason, Store, TurnWrite } from './types.ts';
import { writeBatcher } from './write-batch.ts';

export function callsRepository(db: Kysely<Database>): Store['calls'] {
  // The statements every webhook runs, compiled once (reusable-query.ts).
  const q = {
    get: reusableQuery(['id'], (p) => db.selectFrom('calls').select(callColumns).where('id', '=', p.id)),
    liveCount: reusableQuery(['number'], (p) =>
      db
        .selectFrom('calls')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('number', '=', p.number)
        .where('status', '=', 'live'),
    ),
    lockNumber: reusableQuery(['number'], (p) =>
      db
        .updateTable('numbers')
        .set((eb) => ({ lines: eb.ref('lines') }))
        .where('number', '=', p.number),
    ),
    missedReason: reusableQuery(['id'], (p) =>
      db.selectFrom('calls').select('missed_reason').where('id', '=', p.id),
    ),
    saveState: reusableQuery(['id', 'state', 'seq', 'at', 'expected'], (p) =>
      db
        .updateTable('calls')
        .set({ state: p.state, seq: p.seq, last_event_at: p.at })
        .where('id', '=', p.id)
        .where('seq', '=', p.expected),
    ),
    saveResponse: reusableQuery(['id', 'seq', 'response', 'at'], (p) =>
      db
        .insertInto('call_turns')
        .values({ call_id: p.id, seq: p.seq, response: p.response, created_at: p.at })
        .onConflict((oc) =>
          oc.columns(['call_id', 'seq']).doUpdateSet({ response: p.response, created_at: p.at }),
        ),
    ),
    turnResponse: reusableQuery(['id', 'seq'], (p) =>
      db.selectFrom('call_turns').select('response').where('call_id', '=', p.id).where('seq', '=', p.seq),
    ),
    insertEvent: reusableQuery(['id', 'kind', 'name', 'payload', 'at'], (p) =>
      db
        .insertInto('call_events')
        .values({ call_id: p.id, kind: p.kind, name: p.name, payload: p.payload, at: p.at }),
    ),
    // One statement: insert only when the call exists (no read first on the webhook path).
    insertEventIfCall: reusableQuery(['id', 'kind', 'name', 'payload', 'at'], (p) =>
      db
        .insertInto('call_events')
        .columns(['call_id', 'kind', 'name', 'payload', 'at'])
        .expression(
          db
            .selectFrom('calls')
            .select((eb) => [
              'id',
              eb.val(p.kind).as('kind'),
              eb.val(p.name).as('name'),
              eb.val(p.payload).as('payload'),
              eb.val(p.at).as('at'),
            ])
            .where('id', '=', p.id),
        ),
    ),
    endLive: reusableQuery(['id', 'result', 'at', 'reason'], (p) =>
      db
        .updateTable('calls')
        .set({ status: 'ended', result: p.result, ended_at: p.at, missed_reason: p.reason })
        .where('id', '=', p.id)
        .where('status', '=', 'live'),
    ),
  };
  // Webhook writes commit together when calls are busy (write-batch.ts).
  const batched = writeBatcher(db);
  const changed = (result: { numAffectedRows?: bigint }) => Number(result.numAffectedRows ?? 0) > 0;

  const liveCount = async (trx: Kysely<Database>, number: string) => {
    const { rows } = await q.liveCount(trx, { number });
    return Number(rows[0]?.n ?? 0);
  };

  // Only a live call changes: ending twice keeps the first outcome, and nothing reopens. The
  // call log's summary is queued in the same transaction (trx must be one).
  const endLive = async (
    trx: Kysely<Database>,
    callId: string,
    result: CallResult | 'missed',
    when: string,
    missedReason?: MissedReason,
  ) => {
    const ended = await q.endLive(trx, { id: callId, result, at: when, reason: missedReason ?? null });
    if (changed(ended)) await queueHistoryIn(trx, callId, when);
  };

  /** The rest of a turn's writes, inside its transaction. */
  const writeTurn = async (
    trx: Kysely<Database>,
    callId: string,
    seq: number,
    when: string,
    write: TurnWrite,
  ) => {
    if (write.response !== undefined) {
      // Keyed by the turn the webhook answered. A turn that did not advance the state (an
      // ignored event) can be saved twice; the latest answer wins.
      await q.saveResponse(trx, { id: callId, seq, response: toJson(write.response), at: when });
    }
    for (const e of write.events ?? []) {
      await q.insertEvent(trx, {
        id: callId,
        kind: e.kind,
        name: e.name,
        payload: toJson(e.payload),
        at: when,
      });
    }
    await insertOutboxItems(trx, write.outbox ?? [], when);
    if (write.end !== undefined) await endLive(trx, callId, write.end, when);
  };

  return {
    async admit(call, lines, first) {
      return batched(async (trx): Promise<AdmitResult> => {
        // Take the write lock before counting: a no-op update of the number's row is a row lock
        // on PostgreSQL and makes SQLite's transaction a writer, so two processes can never
        // both count the same free line. (In one process kysely already serialises transactions.)
        await q.lockNumber(trx, { number: call.number });
        const existing = (await q.missedReason(trx, { id: call.id })).rows[0];
        // A retried answer webhook: admitted before → still admitted; missed before → still missed.
        if (existing) return existing.missed_reason === null ? 'again' : 'busy';
        if ((await liveCount(trx, call.number)) >= lines) return 'busy';
        await trx
          .insertInto('calls')
          .values({ ...callToRow(call), status: 'live', result: null, missed_reason: null, ended_at: null })
          .execute();
        if (first) await writeTurn(trx, call.id, 0, utc(call.startedAt), first);
        return 'admitted';
      });
    },
    async insertMissed(call) {
      const row = { ...callToRow(call), status: 'ended' as const, result: call.result ?? 'missed' };
      const endedAt = row.ended_at ?? row.started_at;
      await batched(async (trx) => {
        const inserted = await trx
          .insertInto('calls')
          .values({ ...row, ended_at: endedAt })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) await queueHistoryIn(trx, call.id, endedAt);
      });
    },
    async get(id) {
      const row = (await q.get(db, { id })).rows[0];
      return row ? rowToCall(row) : undefined;
    },
    list: (query) => listCalls(db, null, query),
    liveCount: (number) => liveCount(db, number),
    async saveTurn(callId, expectedSeq, state, at, write = {}) {
      const when = utc(at);
      return batched(async (trx) => {
        const updated = await q.saveState(trx, {
          id: callId,
          state: toJson(state),
          seq: state.seq,
          at: when,
          expected: expectedSeq,
        });
        if (!changed(updated)) return false;
        await writeTurn(trx, callId, expectedSeq, when, write);
        return true;
      });
    },
    async turns(callId) {
      const rows = await db
        .selectFrom('call_turns')
        .selectAll()
        .where('call_id', '=', callId)
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({
        seq: row.seq,
        response: fromJson<unknown>(row.response),
        createdAt: row.created_at,
      }));
    },
    async turnResponse(callId, seq) {
      const row = (await q.turnResponse(db, { id: callId, seq })).rows[0];
      return row ? fromJson<unknown>(row.response) : undefined;
    },
    async end(callId, result, at, missedReason) {
      await batched((trx) => endLive(trx, callId, result, utc(at), missedReason));
    },
    async touch(callId, at) {
      const when = utc(at);
      // Webhooks arrive out of order; the clock of a call only moves forward.
      await db
        .updateTable('calls')
        .set({ last_event_at: when })
        .where('id', '=', callId)
        .where('last_event_at', '<', when)
        .execute();
    },
    async sweep(before) {
      const stale = await db
        .selectFrom('calls')
        .select(['id', 'state', 'last_event_at'])
        .where('status', '=', 'live')
        .where('last_event_at', '<', utc(before))
        .execute();
      // One short transaction per call (guarded update + its history item) rather than one for
      // all: a webhook that ends a call meanwhile wins, and no long write lock is held.
      let ended = 0;
      for (const call of stale) {
        const { result, missedReason } = sweptOutcome(call.state);
        ended += await db.transaction().execute(async (trx) => {
          const done = await trx
            .updateTable('calls')
            // Ended when we last heard of it, not when the sweeper happened to run.
            .set({ status: 'ended', result, missed_reason: missedReason, ended_at: call.last_event_at })
            .where('id', '=', call.id)
            .where('status', '=', 'live')
            .where('last_event_at', '=', call.last_event_at)
            .executeTakeFirst();
          const changed = Number(done.numUpdatedRows);
          if (changed > 0) await queueHistoryIn(trx, call.id, call.last_event_at);
          return changed;
        });
      }
      return ended;
    },
    async addEvent(callId, kind, name, payload, at) {
      await batched((trx) =>
        q.insertEventIfCall(trx, { id: callId, kind, name, payload: toJson(payload), at: utc(at) }),
      );
    },
    async events(callId) {
      const rows = await db
        .selectFrom('call_events')
        .selectAll()
        .where('call_id', '=', callId)
        .orderBy('id')
        .execute();
      return rows.map(rowToEvent);
    },
  };
}
