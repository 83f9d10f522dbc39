/**
 * runtime/store — persistence for the live runtime: flows and their immutable versions,
 * schedules, numbers, calls with their per-turn state and log, the side-effect outbox and SMS
 * receipts. kysely over SQLite (better-sqlite3, WAL) by default; the SQL is portable so a
 * PostgreSQL dialect can be added in database.ts alone.
 *
 * May import: schema/ (types and validation, for seeding), runtime/engine types, kysely,
 * better-sqlite3, node:*. Must not import: editor/, react, hono, runtime/http, runtime/vonage.
 */
export { createStore, openStore, type StoreOptions } from './create-store.ts';
export {
  type Database,
  type DatabaseTarget,
  openDatabase,
  parseDatabaseUrl,
  type SqlFlavour,
} from './database.ts';
export { StoreNotFoundError } from './errors.ts';
export { migrateToLatest, migrations } from './migrations/index.ts';
export { demoNumbers, type SeedResult, seedExamples } from './seed.ts';
export type * from './types.ts';
