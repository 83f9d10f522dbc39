/**
 * Call history (issue 6). The summary the history worker writes once a call ended goes on the
 * calls row itself (outcome, reason, length, time to answer, digits, menu choices, transcript,
 * contact name, heatmap cell), so the call log reads one table. Indexes serve the log's keyset
 * paging (newest first, optionally per number, flow, outcome or caller) and the dashboard, whose
 * covering index lets a 30-day range be counted without reading the rows (their state JSON is
 * most of the table). `settings` holds workspace settings such as the retention period. The
 * full-text search tables are dialect-specific (history-search-sqlite.ts).
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlFlavour } from '../database.ts';
import { createSearchTables } from '../history-search-sqlite.ts';

const summaryColumns: Array<[string, 'text' | 'integer']> = [
  ['outcome', 'text'],
  ['outcome_reason', 'text'],
  ['duration_seconds', 'integer'],
  ['answer_seconds', 'integer'],
  // JSON arrays.
  ['digits', 'text'],
  ['menu_choices', 'text'],
  ['transcript', 'text'],
  ['contact_name', 'text'],
  // weekday × 24 + hour in Asia/Tokyo.
  ['local_slot', 'integer'],
  ['summarized_at', 'text'],
];

export function historyMigration(flavour: SqlFlavour): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // One column per statement: SQLite's ALTER TABLE adds one at a time.
      for (const [name, type] of summaryColumns) {
        await db.schema.alterTable('calls').addColumn(name, type).execute();
      }
      // (started_at, id) is the log's order and keyset; it makes the started_at index redundant.
      await db.schema.dropIndex('calls_started_at').execute();
      await db.schema.createIndex('calls_started_at_id').on('calls').columns(['started_at', 'id']).execute();
      for (const column of ['number', 'flow_id', 'outcome', 'from']) {
        await db.schema
          .createIndex(`calls_${column}_started_at`)
          .on('calls')
          .columns([column, 'started_at', 'id'])
          .execute();
      }
      await db.schema
        .createIndex('calls_dashboard')
        .on('calls')
        .columns([
          'started_at',
          'outcome',
          'outcome_reason',
          'local_slot',
          'number',
          'flow_id',
          'duration_seconds',
          'answer_seconds',
        ])
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        // JSON text.
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // PostgreSQL: a trigram (pg_trgm / pg_bigm) index replaces the FTS5 tables here.
      if (flavour === 'sqlite') await createSearchTables(db);
    },
  };
}
