/**
 * The first schema. Portable on purpose (ARCHITECTURE §6): kysely's schema builder only, JSON
 * as text, times as ISO-8601 text (UTC, so text order is time order), integers. The one type
 * that differs between engines — an auto-incrementing key — comes from `idColumn`.
 */
import type { Kysely, Migration } from 'kysely';
import type { SqlFlavour } from '../database.ts';
import { idColumn } from './id-column.ts';

export function initialMigration(flavour: SqlFlavour): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const id = idColumn(flavour);

      await db.schema
        .createTable('flows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('draft', 'text', (c) => c.notNull())
        .addColumn('published_version', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // Immutable: rows are only ever inserted (and removed with their flow).
      await db.schema
        .createTable('flow_versions')
        .addColumn('flow_id', 'text', (c) => c.notNull().references('flows.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('flow_versions_pk', ['flow_id', 'version'])
        .execute();

      await db.schema
        .createTable('schedules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // No foreign key on flow_id: a number may be set up before its flow exists.
      await db.schema
        .createTable('numbers')
        .addColumn('number', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('flow_id', 'text')
        .addColumn('lines', 'integer', (c) => c.notNull())
        .addColumn('sms_sender_id', 'text')
        .addColumn('fallback_number', 'text')
        .execute();

      // No foreign keys to flows: the call log outlives the flows it ran.
      await db.schema
        .createTable('calls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('conversation_uuid', 'text')
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('from', 'text', (c) => c.notNull())
        .addColumn('to', 'text', (c) => c.notNull())
        .addColumn('flow_id', 'text')
        .addColumn('flow_version', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('missed_reason', 'text')
        .addColumn('state', 'text')
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('last_event_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('calls_number_status').on('calls').columns(['number', 'status']).execute();
      await db.schema.createIndex('calls_started_at').on('calls').column('started_at').execute();
      await db.schema
        .createIndex('calls_status_last_event')
        .on('calls')
        .columns(['status', 'last_event_at'])
        .execute();

      await db.schema
        .createTable('call_turns')
        .addColumn('call_id', 'text', (c) => c.notNull().references('calls.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('response', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('call_turns_pk', ['call_id', 'seq'])
        .execute();

      // No foreign key: refused or unparseable webhooks are logged under ids we never stored.
      await db.schema
        .createTable('call_events')
        .addColumn('id', id.type, id.build)
        .addColumn('call_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('call_events_call_id').on('call_events').column('call_id').execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', id.type, id.build)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('call_id', 'text')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('outbox_status_next')
        .on('outbox')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema.createIndex('outbox_call_id').on('outbox').column('call_id').execute();

      await db.schema
        .createTable('sms_statuses')
        .addColumn('id', id.type, id.build)
        .addColumn('message_uuid', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // Vonage retries status webhooks for a day: one row per (message, status).
      await db.schema
        .createIndex('sms_statuses_message_status')
        .on('sms_statuses')
        .columns(['message_uuid', 'status'])
        .unique()
        .execute();
    },
  };
}
