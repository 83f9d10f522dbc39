/**
 * Phone numbers (E.164 with plus) and what answers them: the flow, how many simultaneous calls
 * the customer pays for, the SMS sender and where to send callers when something fails.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, NumbersTable } from './database.ts';
import type { NumberRecord, Store } from './types.ts';

const toRecord = (row: Selectable<NumbersTable>): NumberRecord => ({
  number: row.number,
  label: row.label,
  flowId: row.flow_id,
  lines: row.lines,
  smsSenderId: row.sms_sender_id,
  fallbackNumber: row.fallback_number,
});

export function numbersRepository(db: Kysely<Database>): Store['numbers'] {
  return {
    async list() {
      const rows = await db.selectFrom('numbers').selectAll().orderBy('number').execute();
      return rows.map(toRecord);
    },
    async get(number) {
      const row = await db.selectFrom('numbers').selectAll().where('number', '=', number).executeTakeFirst();
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
      await db
        .insertInto('numbers')
        .values({ number: record.number, ...values })
        .onConflict((oc) => oc.column('number').doUpdateSet(values))
        .execute();
    },
    async delete(number) {
      const result = await db.deleteFrom('numbers').where('number', '=', number).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
