/**
 * Workspace data (issue 7): flows, schedules, numbers, channels, contacts and calls belong to a
 * workspace. Everything else hangs off these by id (flow versions, call events and turns, outbox
 * items, a contact's numbers) and follows its parent. Existing rows go to `default`, the
 * workspace migration 0005 created for them.
 *
 * Ids stay global primary keys (a flow "restaurant", a schedule, a channel slug, a phone number
 * in E.164): one workspace owns each, and the store refuses another's. What changes shape:
 * - `contact_numbers` is rebuilt with (workspace_id, e164) as its key — two companies may both
 *   know the same caller, each in its own book;
 * - `settings` is rebuilt with (workspace_id, key) — the retention period is a workspace's own;
 * - the call log's and the dashboard's indexes (0004) lead with workspace_id, so a workspace's
 *   page, filter or month is one range of the index, however many calls other workspaces have.
 * Portable kysely only: SQLite and PostgreSQL both add a NOT NULL column with a default in place.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import { defaultWorkspaceId } from './0005-accounts.ts';

/** The tables a workspace owns directly. */
const ownedTables = ['flows', 'schedules', 'numbers', 'channels', 'contacts', 'calls'] as const;

/** 0004's call log indexes, rebuilt with workspace_id in front. */
const logIndexes: Array<[name: string, columns: string[]]> = [
  ['calls_started_at_id', ['started_at', 'id']],
  ['calls_number_started_at', ['number', 'started_at', 'id']],
  ['calls_flow_id_started_at', ['flow_id', 'started_at', 'id']],
  ['calls_outcome_started_at', ['outcome', 'started_at', 'id']],
  ['calls_from_started_at', ['from', 'started_at', 'id']],
  [
    'calls_dashboard',
    [
      'started_at',
      'outcome',
      'outcome_reason',
      'local_slot',
      'number',
      'flow_id',
      'duration_seconds',
      'answer_seconds',
    ],
  ],
];

type Db = Kysely<Record<string, Record<string, unknown>>>;

async function rebuildContactNumbers(db: Db): Promise<void> {
  await db.schema
    .createTable('contact_numbers_by_workspace')
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('e164', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('contact_numbers_pk', ['workspace_id', 'e164'])
    .execute();
  await db
    .insertInto('contact_numbers_by_workspace')
    .columns(['workspace_id', 'e164', 'contact_id'])
    .expression(
      db
        .selectFrom('contact_numbers')
        .innerJoin('contacts', 'contacts.id', 'contact_numbers.contact_id')
        .select(['contacts.workspace_id', 'contact_numbers.e164', 'contact_numbers.contact_id']),
    )
    .execute();
  await db.schema.dropTable('contact_numbers').execute();
  await db.schema.alterTable('contact_numbers_by_workspace').renameTo('contact_numbers').execute();
  await db.schema
    .createIndex('contact_numbers_contact_id')
    .on('contact_numbers')
    .column('contact_id')
    .execute();
}

async function rebuildSettings(db: Db): Promise<void> {
  await db.schema
    .createTable('settings_by_workspace')
    .addColumn('workspace_id', 'text', (c) => c.notNull().defaultTo(defaultWorkspaceId))
    .addColumn('key', 'text', (c) => c.notNull())
    // JSON text.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['workspace_id', 'key'])
    .execute();
  await db
    .insertInto('settings_by_workspace')
    .columns(['workspace_id', 'key', 'value', 'updated_at'])
    .expression(
      db
        .selectFrom('settings')
        .select([sql.lit(defaultWorkspaceId).as('workspace_id'), 'key', 'value', 'updated_at']),
    )
    .execute();
  await db.schema.dropTable('settings').execute();
  await db.schema.alterTable('settings_by_workspace').renameTo('settings').execute();
}

export function workspaceDataMigration(): Migration {
  return {
    async up(untyped: Kysely<unknown>) {
      const db = untyped as Db;
      for (const table of ownedTables) {
        await db.schema
          .alterTable(table)
          .addColumn('workspace_id', 'text', (c) => c.notNull().defaultTo(defaultWorkspaceId))
          .execute();
      }
      // The editor's lists (flows, schedules, numbers, channels) read one workspace's rows by id.
      for (const [table, key] of [
        ['flows', 'id'],
        ['schedules', 'id'],
        ['numbers', 'number'],
        ['channels', 'id'],
      ] as const) {
        await db.schema.createIndex(`${table}_workspace`).on(table).columns(['workspace_id', key]).execute();
      }
      await db.schema.dropIndex('contacts_sort_key_id').execute();
      await db.schema
        .createIndex('contacts_workspace_sort_key')
        .on('contacts')
        .columns(['workspace_id', 'sort_key', 'id'])
        .execute();
      await rebuildContactNumbers(db);
      await rebuildSettings(db);
      for (const [name, columns] of logIndexes) {
        await db.schema.dropIndex(name).execute();
        await db.schema
          .createIndex(name)
          .on('calls')
          .columns(['workspace_id', ...columns])
          .execute();
      }
    },
  };
}
