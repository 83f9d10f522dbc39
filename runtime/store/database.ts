/**
 * The database: kysely table types and `openDatabase(url)`. This file is the dialect layer —
 * the only place that knows which SQL engine runs underneath, with one exception: the call
 * history's full-text search (history-search-sqlite.ts, FTS5). Everything else (migrations,
 * repositories) uses portable kysely queries: JSON as text, times as ISO text, plain integers.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { type Generated, Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations/index.ts';
import type { CallEventKind, CallStatus, MissedReason, OutboxKind, OutboxStatus } from './types.ts';
import { backstopPages, startWalCheckpointer, type WalCheckpointer } from './wal-checkpointer.ts';

export interface FlowsTable {
  id: string;
  /** The workspace that owns the row (migration 0006). */
  workspace_id: string;
  name: string;
  /** FlowDocument as JSON text. */
  draft: string;
  published_version: number | null;
  created_at: string;
  updated_at: string;
}

export interface FlowVersionsTable {
  flow_id: string;
  version: number;
  document: string;
  comment: string;
  created_at: string;
}

export interface SchedulesTable {
  id: string;
  /** The workspace that owns the row (migration 0006). */
  workspace_id: string;
  document: string;
  updated_at: string;
}

export interface NumbersTable {
  number: string;
  /** The workspace that owns the row (migration 0006). */
  workspace_id: string;
  label: string;
  flow_id: string | null;
  lines: number;
  sms_sender_id: string | null;
  fallback_number: string | null;
}

export interface CallsTable {
  id: string;
  /** The workspace that owns the row (migration 0006). */
  workspace_id: string;
  conversation_uuid: string | null;
  number: string;
  from: string;
  to: string;
  flow_id: string | null;
  flow_version: number | null;
  status: CallStatus;
  result: string | null;
  missed_reason: MissedReason | null;
  state: string | null;
  /** Copy of state.seq (0 before the first turn) so the optimistic update needs no JSON. */
  seq: number;
  started_at: string;
  ended_at: string | null;
  last_event_at: string;
  // The history summary (migration 0004, store/history.ts): null until the call is summarised.
  outcome: string | null;
  outcome_reason: string | null;
  duration_seconds: number | null;
  answer_seconds: number | null;
  /** JSON array of strings. */
  digits: string | null;
  /** JSON array of MenuChoice. */
  menu_choices: string | null;
  transcript: string | null;
  contact_name: string | null;
  local_slot: number | null;
  summarized_at: string | null;
}

export interface CallTurnsTable {
  call_id: string;
  seq: number;
  response: string;
  created_at: string;
}

export interface CallEventsTable {
  id: Generated<number>;
  call_id: string;
  kind: CallEventKind;
  name: string;
  payload: string;
  at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  kind: OutboxKind;
  idempotency_key: string;
  call_id: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  result: string | null;
  created_at: string;
  updated_at: string;
}

export interface SmsStatusesTable {
  id: Generated<number>;
  message_uuid: string;
  status: string;
  payload: string;
  at: string;
}

export interface ChannelsTable {
  id: string;
  /** The workspace that owns the row (migration 0006). */
  workspace_id: string;
  name: string;
  type: string;
  /** Non-secret settings as JSON text. */
  settings: string;
  /** The secret settings as one sealed JSON text (SecretCipher), null when none is set. */
  secrets: string | null;
  /** Names of the secret settings that are set, as a JSON array (readable without the key). */
  secrets_set: string;
  consecutive_failures: number;
  last_error: string | null;
  last_error_at: string | null;
  last_success_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable {
  id: string;
  /** The workspace that owns the row (migration 0006). */
  workspace_id: string;
  name: string;
  company: string;
  /** JSON array of E.164 numbers. */
  numbers: string;
  notes: string;
  /** JSON array of tags. */
  tags: string;
  /** Folded name, company, notes, tags and number digits (what a search matches). */
  search_text: string;
  /** Folded name, else company: the list's order. */
  sort_key: string;
  created_at: string;
  updated_at: string;
}

/** Each workspace's settings by key (e.g. history.retentionMonths), values as JSON text. */
export interface SettingsTable {
  /** Defaults to `default` (scratch rows of the store's own tests name none). */
  workspace_id: Generated<string>;
  key: string;
  value: string;
  updated_at: string;
}

/** One row per number: the lookup index of the contact book (a number has one contact per workspace). */
export interface ContactNumbersTable {
  workspace_id: string;
  e164: string;
  contact_id: string;
}

export interface Database {
  flows: FlowsTable;
  flow_versions: FlowVersionsTable;
  schedules: SchedulesTable;
  numbers: NumbersTable;
  calls: CallsTable;
  call_turns: CallTurnsTable;
  call_events: CallEventsTable;
  outbox: OutboxTable;
  sms_statuses: SmsStatusesTable;
  contacts: ContactsTable;
  contact_numbers: ContactNumbersTable;
  channels: ChannelsTable;
  settings: SettingsTable;
}

/** Which SQL engine a database runs on; migrations need it for the one non-portable column type. */
export type SqlFlavour = 'sqlite' | 'postgres';

export interface DatabaseTarget {
  flavour: SqlFlavour;
  /** SQLite: a file path or ':memory:'. PostgreSQL: the connection URL. */
  location: string;
}

/**
 * `sqlite:<path>`, `sqlite://<path>`, a plain file path or `:memory:` → SQLite;
 * `postgres://…` / `postgresql://…` → PostgreSQL.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { flavour: 'postgres', location: trimmed };
  let path = trimmed;
  if (/^sqlite:\/\//i.test(path)) path = path.slice('sqlite://'.length);
  else if (/^sqlite:/i.test(path)) path = path.slice('sqlite:'.length);
  if (path === '') throw new Error(`database URL "${url}" names no file`);
  return { flavour: 'sqlite', location: path };
}

/** The part of better-sqlite3's API we use (the package ships no types of its own). */
interface BetterSqliteDatabase {
  close(): void;
  prepare(sql: string): {
    readonly reader: boolean;
    all(parameters: ReadonlyArray<unknown>): unknown[];
    run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint };
    iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown>;
  };
  pragma(source: string, options?: { simple?: boolean }): unknown;
}
type BetterSqliteConstructor = new (filename: string) => BetterSqliteDatabase;
type Statement = ReturnType<BetterSqliteDatabase['prepare']>;

/** Distinct SQL texts kept prepared; `in (?, ?, …)` lists vary in length, so the cache is bounded. */
const statementCacheSize = 256;

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running the
 * small queries of a webhook. Same SQL text → same prepared statement (better-sqlite3 statements
 * are reusable and the driver never streams, so one is never busy when handed out again).
 */
function withStatementCache(sqlite: BetterSqliteDatabase): BetterSqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => sqlite.close(),
    pragma: (source, options) => sqlite.pragma(source, options),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        // Map order is insertion order: re-inserting marks it recently used.
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= statementCacheSize) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

const requireCjs = createRequire(import.meta.url);

/** How long a writer waits for another process's lock before failing (ms). */
const busyTimeoutMs = 5000;

function openSqlite(location: string): Kysely<Database> {
  const BetterSqlite = requireCjs('better-sqlite3') as BetterSqliteConstructor;
  const inMemory = location === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(location)), { recursive: true });
  const sqlite = new BetterSqlite(location);
  // WAL lets the webhook path read while the outbox worker writes, and survives kill -9 with
  // every committed transaction intact. NORMAL sync is the recommended pairing with WAL.
  let checkpointer: WalCheckpointer | undefined;
  if (!inMemory) {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`);
    checkpointer = startWalCheckpointer(resolve(location));
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const database = withStatementCache(sqlite);
  const close = database.close;
  database.close = () => {
    void checkpointer?.stop();
    close();
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  if (checkpointer) checkpointers.set(db, checkpointer);
  return db;
}

const checkpointers = new WeakMap<Kysely<Database>, WalCheckpointer>();

/**
 * Closes the database and waits until its checkpointer's connection is closed too, so the file
 * can be removed or reopened at once (`db.destroy()` alone leaves that to happen a moment later).
 */
export async function closeDatabase(db: Kysely<Database>): Promise<void> {
  await db.destroy();
  await checkpointers.get(db)?.stop();
}

/**
 * Opens the database a URL names and migrates it to the latest schema (safe to repeat: applied
 * migrations are skipped). The parent folder of a SQLite file is created when missing, so
 * `./data/` needs no set-up. PostgreSQL is a seam: the repositories and migrations are
 * portable, but this build has no `pg` driver.
 */
export async function openDatabase(
  url: string,
  options: { migrate?: boolean } = {},
): Promise<Kysely<Database>> {
  const target = parseDatabaseUrl(url);
  if (target.flavour === 'postgres') {
    // To add it: npm install pg, build new Kysely({ dialect: new PostgresDialect({ pool }) }) and
    // migrate it with flavour 'postgres'.
    throw new Error('PostgreSQL support needs the `pg` package; not installed in this build');
  }
  const db = openSqlite(target.location);
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db, target.flavour);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return db;
}
