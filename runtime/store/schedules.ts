/**
 * Schedules (business hours) are separate documents: editing one applies to the next call
 * without republishing any flow, so they are stored as plain latest-wins rows, not versioned.
 */
import type { Kysely } from 'kysely';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { type Clock, fromJson, toJson, utc } from './codec.ts';
import type { Database } from './database.ts';
import type { Store } from './types.ts';

export function schedulesRepository(db: Kysely<Database>, clock: Clock): Store['schedules'] {
  const list = async () => {
    const rows = await db.selectFrom('schedules').select('document').orderBy('id').execute();
    return rows.map((row) => fromJson<ScheduleDocument>(row.document));
  };

  return {
    list,
    async get(id) {
      const row = await db.selectFrom('schedules').select('document').where('id', '=', id).executeTakeFirst();
      return row ? fromJson<ScheduleDocument>(row.document) : undefined;
    },
    async put(doc) {
      const now = utc(clock());
      const document = toJson(doc);
      await db
        .insertInto('schedules')
        .values({ id: doc.id, document, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ document, updated_at: now }))
        .execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('schedules').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async all() {
      // Read on every turn that checks hours; the table holds a handful of small documents.
      const byId: Record<string, ScheduleDocument> = {};
      for (const doc of await list()) byId[doc.id] = doc;
      return byId;
    },
  };
}
