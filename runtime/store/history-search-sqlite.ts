/**
 * The call-history search, SQLite edition — the one dialect-specific part of the history store
 * (docs/architecture.md, "Call history"). A PostgreSQL deployment replaces this module (e.g. a
 * pg_trgm or pg_bigm index on the same text); nothing else in the store knows FTS5 exists.
 *
 * - `call_search` is an FTS5 table, contentless (the text lives on the calls row already) with
 *   `contentless_delete` so a call's row can be replaced or deleted. Its text is the bigrams of
 *   search-ngrams.ts under FTS5's `ascii` tokenizer, which splits on the spaces between them only:
 *   two-character Japanese words work, which the trigram tokenizer cannot do.
 * - Its rowid is a time key (start in ms × 1000 + a slot from the call id), so the newest matches
 *   come first straight from the index: a search stops after one page instead of sorting every
 *   call that mentions 予約. `call_search_keys` maps keys to calls (and calls to keys, to replace).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import { ngramQuery, ngramText } from './search-ngrams.ts';

type SearchTables = {
  call_search: { rowid: number; body: string };
  call_search_keys: { id: number; call_id: string };
};

type SearchDb = Kysely<Database & SearchTables>;
const withSearch = (db: Kysely<Database>) => db.withTables<SearchTables>() as unknown as SearchDb;

/** Creates the search tables (migration 0004 on SQLite). */
export async function createSearchTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('call_search_keys')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().unique())
    .execute();
  await sql`create virtual table call_search using fts5(body, content='', contentless_delete=1, tokenize='ascii')`.execute(
    db,
  );
}

const slots = 1000;

/** Smallest key of a call that started at `iso` (keys order like start times). */
export function timeKey(iso: string): number {
  return Date.parse(iso) * slots;
}

/** The key a call's search row asks for first (a bulk loader that knows keys are free may use it). */
export function searchKey(startedAt: string, callId: string): number {
  let hash = 0;
  for (let i = 0; i < callId.length; i += 1) hash = (hash * 31 + callId.charCodeAt(i)) % slots;
  return timeKey(startedAt) + hash;
}

/** Replaces a call's search row with `text` (none when there is nothing to find the call by). */
export async function replaceSearchRow(
  trx: Kysely<Database>,
  callId: string,
  startedAt: string,
  text: string,
): Promise<void> {
  const db = withSearch(trx);
  const existing = await db
    .selectFrom('call_search_keys')
    .select('id')
    .where('call_id', '=', callId)
    .executeTakeFirst();
  const body = ngramText(text);
  if (existing) {
    await db.deleteFrom('call_search').where('rowid', '=', existing.id).execute();
    if (body === '') {
      await db.deleteFrom('call_search_keys').where('id', '=', existing.id).execute();
      return;
    }
  }
  if (body === '') return;
  let key = existing?.id;
  // Two calls in the same millisecond may want the same slot: take the next free one.
  for (let candidate = searchKey(startedAt, callId); key === undefined; candidate += 1) {
    const inserted = await db
      .insertInto('call_search_keys')
      .values({ id: candidate, call_id: callId })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) key = candidate;
  }
  await db.insertInto('call_search').values({ rowid: key, body }).execute();
}

/** Removes the search rows of these calls (deletion and retention). */
export async function deleteSearchRows(trx: Kysely<Database>, callIds: readonly string[]): Promise<void> {
  if (callIds.length === 0) return;
  const db = withSearch(trx);
  const keys = db.selectFrom('call_search_keys').select('id').where('call_id', 'in', callIds);
  await db.deleteFrom('call_search').where('rowid', 'in', keys).execute();
  await db.deleteFrom('call_search_keys').where('call_id', 'in', callIds).execute();
}

/** The FTS5 match for what a person typed; undefined when it holds nothing searchable. */
export const searchMatch = ngramQuery;

export interface SearchBounds {
  /** Keys at or above (a `from` time). */
  min?: number;
  /** Keys below (a `to` time, or the cursor of the previous page). */
  below?: number;
}

/**
 * The keys (`search_key`, newest = largest) and call ids matching `match`, as a derived table to
 * join `calls` to and order by `search_key` descending: SQLite flattens it, walks the FTS index
 * newest first and stops after one page.
 */
export function searchedKeys(db: Kysely<Database>, match: string, bounds: SearchBounds) {
  let query = withSearch(db)
    .selectFrom('call_search')
    .innerJoin('call_search_keys', 'call_search_keys.id', 'call_search.rowid')
    .select(['call_search_keys.call_id as call_id', 'call_search.rowid as search_key'])
    .where(sql<boolean>`call_search match ${match}`);
  if (bounds.min !== undefined) query = query.where('call_search.rowid', '>=', bounds.min);
  if (bounds.below !== undefined) query = query.where('call_search.rowid', '<', bounds.below);
  return query;
}
