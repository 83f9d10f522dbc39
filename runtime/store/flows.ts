/**
 * Flows: an editable draft per flow plus immutable, numbered published versions (1, 2, 3…).
 * A live call is pinned to the version it started on, so a version row is never updated.
 * A flow belongs to one workspace (workspace-scope.ts); its versions follow it by flow id.
 */
import type { Kysely, Selectable } from 'kysely';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { type Clock, fromJson, toJson, utc } from './codec.ts';
import type { Database, FlowsTable, FlowVersionsTable } from './database.ts';
import { StoreNotFoundError } from './errors.ts';
import type { FlowRecord, FlowVersionRecord, Store } from './types.ts';
import { homeOf, refuseIfUntouched, type WorkspaceScope } from './workspace-scope.ts';

const toFlow = (row: Selectable<FlowsTable>): FlowRecord => ({
  id: row.id,
  name: row.name,
  draft: fromJson<FlowDocument>(row.draft),
  publishedVersion: row.published_version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toVersion = (row: Selectable<FlowVersionsTable>): FlowVersionRecord => ({
  flowId: row.flow_id,
  version: row.version,
  document: fromJson<FlowDocument>(row.document),
  comment: row.comment,
  createdAt: row.created_at,
});

/**
 * Starts a publishing transaction with a write to the flow's row: two publishers (possibly in
 * two processes) then queue for the lock instead of both reading the same last version number —
 * on SQLite a transaction that reads first and writes later fails with SQLITE_BUSY instead.
 */
async function lockFlow(
  trx: Kysely<Database>,
  flowId: string,
  now: string,
  scope: WorkspaceScope,
): Promise<void> {
  await trx
    .updateTable('flows')
    .set({ updated_at: now })
    .where('id', '=', flowId)
    .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
    .execute();
}

/** Freezes `document` as the flow's next version inside `trx` and points the flow at it. */
async function appendVersion(
  trx: Kysely<Database>,
  flowId: string,
  document: string,
  comment: string,
  now: string,
  extra: Partial<Pick<FlowsTable, 'draft' | 'name'>> = {},
): Promise<FlowVersionRecord> {
  const last = await trx
    .selectFrom('flow_versions')
    .select((eb) => eb.fn.max('version').as('max'))
    .where('flow_id', '=', flowId)
    .executeTakeFirst();
  const row: FlowVersionsTable = {
    flow_id: flowId,
    version: Number(last?.max ?? 0) + 1,
    document,
    comment,
    created_at: now,
  };
  await trx.insertInto('flow_versions').values(row).execute();
  await trx
    .updateTable('flows')
    .set({ ...extra, published_version: row.version, updated_at: now })
    .where('id', '=', flowId)
    .execute();
  return toVersion(row);
}

export function flowsRepository(db: Kysely<Database>, clock: Clock, scope: WorkspaceScope): Store['flows'] {
  const flows = () =>
    db.selectFrom('flows').$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));
  // A version is the workspace's when its flow is (one indexed lookup on the flow's key).
  const versionsOf = (id: string) =>
    db
      .selectFrom('flow_versions')
      .where('flow_id', '=', id)
      .$if(scope !== null, (qb) => qb.where('flow_id', 'in', flows().select('id').where('id', '=', id)));
  const get = async (id: string) => {
    const row = await flows().selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toFlow(row) : undefined;
  };
  const version = async (id: string, n: number) => {
    const row = await versionsOf(id).selectAll().where('version', '=', n).executeTakeFirst();
    return row ? toVersion(row) : undefined;
  };

  return {
    async list() {
      const rows = await flows().selectAll().orderBy('id').execute();
      return rows.map(toFlow);
    },
    get,
    async saveDraft(doc) {
      const now = utc(clock());
      const draft = toJson(doc);
      const written = await db
        .insertInto('flows')
        .values({
          id: doc.id,
          workspace_id: homeOf(scope),
          name: doc.name,
          draft,
          published_version: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => {
          const update = oc.column('id').doUpdateSet({ name: doc.name, draft, updated_at: now });
          // Another workspace's flow under this id is left alone (and refused below).
          return scope === null ? update : update.where('flows.workspace_id', '=', scope);
        })
        .executeTakeFirst();
      refuseIfUntouched(written, 'id', doc.id);
      const saved = await get(doc.id);
      if (!saved) throw new Error(`flow ${doc.id} vanished while saving its draft`);
      return saved;
    },
    async delete(id) {
      if (scope !== null && !(await get(id))) return false;
      return db.transaction().execute(async (trx) => {
        // Explicit rather than relying on ON DELETE CASCADE, which some set-ups leave disabled.
        await trx.deleteFrom('flow_versions').where('flow_id', '=', id).execute();
        // A number left pointing at a deleted flow would look configured but answer "no flow".
        await trx.updateTable('numbers').set({ flow_id: null }).where('flow_id', '=', id).execute();
        const result = await trx.deleteFrom('flows').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },
    async publish(id, comment) {
      const now = utc(clock());
      return db.transaction().execute(async (trx) => {
        await lockFlow(trx, id, now, scope);
        const flow = await trx
          .selectFrom('flows')
          .select('draft')
          .where('id', '=', id)
          .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
          .executeTakeFirst();
        if (!flow) throw new StoreNotFoundError(`flow ${id} does not exist`);
        return appendVersion(trx, id, flow.draft, comment, now);
      });
    },
    async versions(id) {
      const rows = await versionsOf(id).selectAll().orderBy('version').execute();
      return rows.map(toVersion);
    },
    version,
    async published(id) {
      const row = await versionsOf(id).selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row ? toVersion(row) : undefined;
    },
    async rollback(id, n, comment) {
      const now = utc(clock());
      return db.transaction().execute(async (trx) => {
        await lockFlow(trx, id, now, scope);
        const source = await trx
          .selectFrom('flow_versions')
          .select('document')
          .where('flow_id', '=', id)
          .where('version', '=', n)
          .$if(scope !== null, (qb) =>
            qb.where(
              'flow_id',
              'in',
              trx
                .selectFrom('flows')
                .select('id')
                .where('id', '=', id)
                .where('workspace_id', '=', scope as string),
            ),
          )
          .executeTakeFirst();
        if (!source) throw new StoreNotFoundError(`flow ${id} has no version ${n}`);
        const doc = fromJson<FlowDocument>(source.document);
        return appendVersion(trx, id, source.document, comment, now, {
          draft: source.document,
          name: doc.name,
        });
      });
    },
  };
}
