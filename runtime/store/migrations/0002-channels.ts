/**
 * Notification channels of the workspace (issue 5). Settings are split on the way in: the
 * non-secret ones as JSON text, the secret ones as one AES-GCM sealed JSON text (never readable
 * from a copy of the database without the key). The health columns record how delivery goes so
 * a channel that keeps failing can be flagged.
 */
import type { Kysely, Migration } from 'kysely';

export const channelsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('channels')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      // Null when the channel has no secret set (an unconfigured placeholder).
      .addColumn('secrets', 'text')
      // The names of the secrets that are set (JSON array): listing needs no key.
      .addColumn('secrets_set', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('last_error_at', 'text')
      .addColumn('last_success_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
