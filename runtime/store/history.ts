/**
 * The call history: summaries on the calls rows, the call log's pages (newest first, keyset
 * paging, filters, full-text search), the dashboard's grouped counts, deletion in short batches
 * and the retention setting. Portable SQL except the search, which lives in the dialect module
 * history-search-sqlite.ts. A workspace's history is its calls only (every index of the log
 * leads with workspace_id, migration 0006), and its retention period is its own setting.
 */
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { fromJson, toJson, utc } from './codec.ts';
import type { Database } from './database.ts';
import { historyColumns, historyRow, type PageCursor, readCursor, writeCursor } from './history-rows.ts';
import {
  deleteSearchRows,
  replaceSearchRow,
  searchedKeys,
  searchMatch,
  timeKey,
} from './history-search-sqlite.ts';
import { narrowed, workspaceSpan } from './history-span.ts';
import type { HistoryFilter, HistoryRepository, HourGroup, StatsGroup } from './types.ts';
import { homeOf, type WorkspaceScope } from './workspace-scope.ts';

const defaultLimit = 50;
const maxLimit = 1000;
export const defaultRetentionMonths = 6;
const retentionKey = 'history.retentionMonths';

/** The filters every query shares, as conditions on `calls` (a search adds its own join). */
function conditions(scope: WorkspaceScope, filter: HistoryFilter): Expression<SqlBool>[] {
  const col = (name: string) => sql.ref(`calls.${name}`);
  const out: Expression<SqlBool>[] = [];
  if (scope !== null) out.push(sql<SqlBool>`${col('workspace_id')} = ${scope}`);
  if (filter.from !== undefined) out.push(sql<SqlBool>`${col('started_at')} >= ${utc(filter.from)}`);
  if (filter.to !== undefined) out.push(sql<SqlBool>`${col('started_at')} < ${utc(filter.to)}`);
  if (filter.number !== undefined) out.push(sql<SqlBool>`${col('number')} = ${filter.number}`);
  if (filter.flowId !== undefined) out.push(sql<SqlBool>`${col('flow_id')} = ${filter.flowId}`);
  if (filter.caller !== undefined) out.push(sql<SqlBool>`${col('from')} = ${filter.caller}`);
  // 'live' also covers a call that ended a moment ago and waits for its summary.
  if (filter.outcome === 'live') out.push(sql<SqlBool>`${col('outcome')} is null`);
  else if (filter.outcome !== undefined) out.push(sql<SqlBool>`${col('outcome')} = ${filter.outcome}`);
  if (filter.reason !== undefined) out.push(sql<SqlBool>`${col('outcome_reason')} = ${filter.reason}`);
  return out;
}

export function historyRepository(db: Kysely<Database>, scope: WorkspaceScope): HistoryRepository {
  const inScope = () => conditions(scope, {});
  const settingsOf = homeOf(scope);

  async function deleteCalls(trx: Kysely<Database>, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await deleteSearchRows(trx, ids);
    await trx.deleteFrom('call_events').where('call_id', 'in', ids).execute();
    await trx.deleteFrom('call_turns').where('call_id', 'in', ids).execute();
    await trx.deleteFrom('outbox').where('call_id', 'in', ids).execute();
    await trx.deleteFrom('calls').where('id', 'in', ids).execute();
  }

  return {
    async saveSummary(callId, summary, at) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('calls')
          .set({
            outcome: summary.outcome,
            outcome_reason: summary.reason,
            duration_seconds: summary.durationSeconds,
            answer_seconds: summary.answerSeconds,
            digits: toJson(summary.digits),
            menu_choices: toJson(summary.menuChoices),
            transcript: summary.transcript === '' ? null : summary.transcript,
            contact_name: summary.contactName,
            local_slot: summary.localSlot,
            summarized_at: utc(at),
          })
          .where('id', '=', callId)
          .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
          .returning('started_at')
          .executeTakeFirst();
        if (!updated) return false;
        await replaceSearchRow(trx, callId, updated.started_at, summary.searchText);
        return true;
      });
    },

    async get(id) {
      let select = db
        .selectFrom('calls')
        .select([...historyColumns, 'calls.state'])
        .where('calls.id', '=', id);
      for (const condition of inScope()) select = select.where(condition);
      const row = await select.executeTakeFirst();
      return row ? historyRow(row, true) : undefined;
    },

    async page(query = {}) {
      const limit = Math.min(Math.max(1, Math.floor(query.limit ?? defaultLimit)), maxLimit);
      const cursor = query.cursor === undefined ? undefined : readCursor(query.cursor);
      const match = query.q === undefined ? undefined : searchMatch(query.q);
      const columns = query.withVars ? [...historyColumns, 'calls.state' as const] : historyColumns;
      let select = db.selectFrom('calls').select(columns);
      for (const condition of conditions(scope, query)) select = select.where(condition);
      let rows: Array<Awaited<ReturnType<typeof select.execute>>[number] & { search_key?: number }>;
      if (match !== undefined) {
        // The search's time key bounds the range and pages; the other filters apply to each match.
        const bounds = {
          ...(query.from !== undefined ? { min: timeKey(utc(query.from)) } : {}),
          ...(cursor?.key !== undefined
            ? { below: cursor.key }
            : query.to !== undefined
              ? { below: timeKey(utc(query.to)) }
              : {}),
        };
        const span = scope === null ? undefined : await workspaceSpan(db, scope);
        if (span === null) return { rows: [], next: null };
        const keys = searchedKeys(db, match, narrowed(bounds, span));
        rows = await select
          .innerJoin(keys.as('s'), 's.call_id', 'calls.id')
          .select('s.search_key')
          .orderBy('s.search_key', 'desc')
          .limit(limit + 1)
          .execute();
      } else {
        if (cursor)
          select = select.where(
            sql<SqlBool>`(${sql.ref('calls.started_at')}, ${sql.ref('calls.id')}) < (${cursor.startedAt}, ${cursor.id})`,
          );
        rows = await select
          .orderBy('calls.started_at', 'desc')
          .orderBy('calls.id', 'desc')
          .limit(limit + 1)
          .execute();
      }
      const more = rows.length > limit;
      const shown = more ? rows.slice(0, limit) : rows;
      const last = shown[shown.length - 1];
      const next: PageCursor | undefined =
        more && last
          ? {
              startedAt: last.started_at,
              id: last.id,
              ...(last.search_key !== undefined ? { key: last.search_key } : {}),
            }
          : undefined;
      return {
        rows: shown.map((row) => historyRow(row, query.withVars === true)),
        next: next ? writeCursor(next) : null,
      };
    },

    async stats(filter) {
      let select = db
        .selectFrom('calls')
        .select((eb) => [
          'calls.outcome',
          'calls.outcome_reason',
          'calls.local_slot',
          'calls.number',
          'calls.flow_id',
          eb.fn.countAll<number>().as('calls'),
          eb.fn.sum<number | null>('calls.duration_seconds').as('duration_sum'),
          eb.fn.count<number>('calls.duration_seconds').as('duration_count'),
          eb.fn.sum<number | null>('calls.answer_seconds').as('answer_sum'),
          eb.fn.count<number>('calls.answer_seconds').as('answer_count'),
        ])
        .groupBy([
          'calls.outcome',
          'calls.outcome_reason',
          'calls.local_slot',
          'calls.number',
          'calls.flow_id',
        ]);
      for (const condition of conditions(scope, filter)) select = select.where(condition);
      const rows = await select.execute();
      return rows.map(
        (row): StatsGroup => ({
          outcome: row.outcome as StatsGroup['outcome'],
          reason: row.outcome_reason as StatsGroup['reason'],
          localSlot: row.local_slot,
          number: row.number,
          flowId: row.flow_id,
          calls: Number(row.calls),
          durationSum: Number(row.duration_sum ?? 0),
          durationCount: Number(row.duration_count),
          answerSum: Number(row.answer_sum ?? 0),
          answerCount: Number(row.answer_count),
        }),
      );
    },

    async hourly(filter) {
      // Times are UTC ISO text: the first 13 characters are the hour (portable substr).
      const hour = sql<string>`substr(${sql.ref('calls.started_at')}, 1, 13)`;
      let select = db
        .selectFrom('calls')
        .select((eb) => [hour.as('hour'), 'calls.outcome', eb.fn.countAll<number>().as('calls')])
        .groupBy([hour, 'calls.outcome']);
      for (const condition of conditions(scope, filter)) select = select.where(condition);
      const rows = await select.execute();
      return rows.map((row) => ({
        hour: row.hour,
        outcome: row.outcome as HourGroup['outcome'],
        calls: Number(row.calls),
      }));
    },

    async labels() {
      const flows = await db
        .selectFrom('flows')
        .select(['id', 'name'])
        .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
        .execute();
      const numbers = await db
        .selectFrom('numbers')
        .select(['number', 'label'])
        .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
        .execute();
      return {
        flows: Object.fromEntries(flows.map((f) => [f.id, f.name])),
        numbers: Object.fromEntries(numbers.map((n) => [n.number, n.label])),
      };
    },

    async deleteCall(id) {
      return db.transaction().execute(async (trx) => {
        const call = await trx
          .selectFrom('calls')
          .select('status')
          .where('id', '=', id)
          .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
          .executeTakeFirst();
        if (!call) return 'missing';
        // A live call's line and turns are still in use: it can be deleted once it ended.
        if (call.status === 'live') return 'live';
        await deleteCalls(trx, [id]);
        return 'deleted';
      });
    },

    async deleteEnded({ before, batchSize }) {
      return db.transaction().execute(async (trx) => {
        let select = trx
          .selectFrom('calls')
          .select('id')
          .where('status', '=', 'ended')
          .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
          .orderBy('started_at')
          .limit(batchSize);
        if (before !== undefined) select = select.where('started_at', '<', utc(before));
        const ids = (await select.execute()).map((row) => row.id);
        await deleteCalls(trx, ids);
        return ids;
      });
    },

    async deleteReceipts({ before, batchSize }) {
      // Receipts are keyed by message, not by workspace: only the installation's store purges them.
      if (scope !== null) return 0;
      const oldest = db
        .selectFrom('sms_statuses')
        .select('id')
        .where('at', '<', utc(before))
        .orderBy('id')
        .limit(batchSize);
      const deleted = await db.deleteFrom('sms_statuses').where('id', 'in', oldest).executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },

    async retentionMonths() {
      const row = await db
        .selectFrom('settings')
        .select('value')
        .where('workspace_id', '=', settingsOf)
        .where('key', '=', retentionKey)
        .executeTakeFirst();
      const months = row ? fromJson<unknown>(row.value) : undefined;
      return typeof months === 'number' ? months : defaultRetentionMonths;
    },

    async setRetentionMonths(months, at) {
      const value = toJson(months);
      await db
        .insertInto('settings')
        .values({ workspace_id: settingsOf, key: retentionKey, value, updated_at: utc(at) })
        .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ value, updated_at: utc(at) }))
        .execute();
    },
  };
}
