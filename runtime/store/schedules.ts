/**
 * Schedules (business hours) are separate documents: editing one applies to the next call
 * without republishing any flow, so they are stored as plain latest-wins rows, not versioned.
 * A schedule belongs to one workspace (workspace-scope.ts); its id is global.
 */
import type { Kysely } from 'kysely';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { type Clock, fromJson, toJson, utc } from './codec.ts';
import type { Database } from './database.ts';
import type { Store } from './types.ts';
import { homeOf, refuseIfUntouched, type WorkspaceScope } from './workspace-scope.ts';

export function schedulesRepository(
  db: Kysely<Database>,
  clock: Clock,
  scope: WorkspaceScope,
): Store['schedules'] {
  const schedules = () =>
    db.selectFrom('schedules').$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));
  const list = async () => {
    const rows = await schedules().select('document').orderBy('id').execute();
    return rows.map((row) => fromJson<ScheduleDocument>(row.document));
  };

  return {
    list,
    async get(id) {
      const row = await schedules().select('document').where('id', '=', id).executeTakeFirst();
      return row ? fromJson<ScheduleDocument>(row.document) : undefined;
    },
    async put(doc) {
      const now = utc(clock());
      const document = toJson(doc);
      const written = await db
        .insertInto('schedules')
        .values({ id: doc.id, workspace_id: homeOf(scope), document, updated_at: now })
        .onConflict((oc) => {
          const update = oc.column('id').doUpdateSet({ document, updated_at: now });
          // Another workspace's row under this key is left alone (and refused below).
          return scope === null ? update : update.where('schedules.workspace_id', '=', scope);
        })
        .executeTakeFirst();
      refuseIfUntouched(written, 'id', doc.id);
    },
    async delete(id) {
      const result = await db
        .deleteFrom('schedules')
        .where('id', '=', id)
        .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
        .executeTakeFirst();
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
