/**
 * An auto-incrementing integer primary key is the one column type SQL engines spell
 * differently (SQLite `integer … autoincrement`, PostgreSQL `serial`); migrations take it from
 * here so the dialect difference stays in one place.
 */
import type { ColumnDefinitionBuilder } from 'kysely';
import type { SqlFlavour } from '../database.ts';

export interface IdColumn {
  type: 'integer' | 'serial';
  build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
}

export function idColumn(flavour: SqlFlavour): IdColumn {
  if (flavour === 'postgres') return { type: 'serial', build: (c) => c.primaryKey() };
  // AUTOINCREMENT (not just the rowid alias) so ids are never reused after a delete: outbox ids
  // appear in logs and must keep meaning one item.
  return { type: 'integer', build: (c) => c.primaryKey().autoIncrement() };
}
