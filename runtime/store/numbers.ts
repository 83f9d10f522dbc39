/**
 * Phone numbers (E.164 with plus) and what answers them: the flow, how many simultaneous calls
 * the customer pays for, the SMS sender and where to send callers when something fails. A
 * number belongs to one workspace (workspace-scope.ts): its calls are that workspace's.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, NumbersTable } from './database.ts';
import type { NumberRecord, Store } from './types.ts';
import { homeOf, refuseIfUntouched, type WorkspaceScope } from './workspace-scope.ts';

const toRecord = (row: Selectable<NumbersTable>): NumberRecord => ({
  number: row.number,
  label: row.label,
  flowId: row.flow_id,
  lines: row.lines,
  smsSenderId: row.sms_sender_id,
  fallbackNumber: row.fallback_number,
  workspaceId: row.workspace_id,
});

export function numbersRepository(db: Kysely<Database>, scope: WorkspaceScope): Store['numbers'] {
  const numbers = () =>
    db.selectFrom('numbers').$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));
  return {
    async list() {
      const rows = await numbers().selectAll().orderBy('number').execute();
      return rows.map(toRecord);
    },
    async get(number) {
      const row = await numbers().selectAll().where('number', '=', number).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    async put(record) {
      if (!Number.isInteger(record.lines) || record.lines < 0) {
        throw new RangeError(`lines must be a whole number ≥ 0, got ${record.lines}`);
      }
      const values = {
        label: record.label,
        flow_id: record.flowId,
        lines: record.lines,
        sms_sender_id: record.smsSenderId,
        fallback_number: record.fallbackNumber,
      };
      // A workspace's store puts its own numbers; the installation's, where the record says.
      const workspace = scope ?? record.workspaceId ?? homeOf(scope);
      const written = await db
        .insertInto('numbers')
        .values({ number: record.number, workspace_id: workspace, ...values })
        .onConflict((oc) => {
          const update = oc.column('number').doUpdateSet(values);
          // A number another workspace owns stays theirs (refused below).
          return scope === null ? update : update.where('numbers.workspace_id', '=', scope);
        })
        .executeTakeFirst();
      refuseIfUntouched(written, 'number', record.number);
    },
    async delete(number) {
      const result = await db
        .deleteFrom('numbers')
        .where('number', '=', number)
        .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
