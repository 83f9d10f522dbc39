/**
 * SMS delivery receipts from the Messages API status webhook. Vonage retries that webhook for a
 * day on any 429/5xx, so the same (message, status) pair is stored once.
 */
import type { Kysely } from 'kysely';
import { toJson, utc } from './codec.ts';
import type { Database } from './database.ts';
import type { Store } from './types.ts';

export function smsStatusesRepository(db: Kysely<Database>): Store['smsStatuses'] {
  return {
    async record(messageUuid, status, payload, at) {
      await db
        .insertInto('sms_statuses')
        .values({ message_uuid: messageUuid, status, payload: toJson(payload), at: utc(at) })
        .onConflict((oc) => oc.columns(['message_uuid', 'status']).doNothing())
        .execute();
    },
    async forMessage(messageUuid) {
      return db
        .selectFrom('sms_statuses')
        .select(['status', 'at'])
        .where('message_uuid', '=', messageUuid)
        .orderBy('at')
        .orderBy('id')
        .execute();
    },
  };
}
