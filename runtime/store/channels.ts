/**
 * Notification channels. A channel's settings are split by its type's secret fields
 * (effects/channels/types.ts): the secrets are sealed with the workspace key into one column,
 * everything else is plain JSON. Reading for display (list, get) never opens the secrets, so it
 * works without the key and cannot leak them; only `reveal` (for senders) opens them. A
 * channel belongs to one workspace; flows of that workspace name it by its (global) id.
 */
import type { Kysely, Selectable } from 'kysely';
import { type ChannelSettings, type ChannelType, secretFields } from '../effects/channels/types.ts';
import { type Clock, fromJson, toJson, utc } from './codec.ts';
import type { ChannelsTable, Database } from './database.ts';
import type { ChannelHealth, ChannelRecord, SecretCipher, Store } from './types.ts';
import { homeOf, refuseIfUntouched, type WorkspaceScope } from './workspace-scope.ts';

/** Failed attempts in a row after which a channel shows as failing. */
export const failingAfter = 3;
const maxErrorLength = 1000;

/** Whether a setting is one of the type's secrets. */
export function isSecretField(type: ChannelType, field: string): boolean {
  return (secretFields[type] as readonly string[]).includes(field);
}

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

function healthOf(row: Selectable<ChannelsTable>): ChannelHealth {
  const failures = row.consecutive_failures;
  let status: ChannelHealth['status'] = 'unknown';
  if (failures >= failingAfter) status = 'failing';
  else if (row.last_success_at !== null) status = 'ok';
  return {
    status,
    consecutiveFailures: failures,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    lastSuccessAt: row.last_success_at,
  };
}

const toRecord = (row: Selectable<ChannelsTable>): ChannelRecord => ({
  id: row.id,
  name: row.name,
  type: row.type as ChannelType,
  settings: fromJson<Record<string, unknown>>(row.settings),
  secretsSet: fromJson<string[]>(row.secrets_set),
  health: healthOf(row),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function channelsRepository(
  db: Kysely<Database>,
  cipher: SecretCipher,
  clock: Clock,
  scope: WorkspaceScope,
): Store['channels'] {
  const channels = () =>
    db.selectFrom('channels').$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));
  const row = (id: string) => channels().selectAll().where('id', '=', id).executeTakeFirst();
  const update = (id: string) =>
    db
      .updateTable('channels')
      .where('id', '=', id)
      .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string));

  return {
    async list() {
      const rows = await channels().selectAll().orderBy('id').execute();
      return rows.map(toRecord);
    },
    async get(id) {
      const found = await row(id);
      return found ? toRecord(found) : undefined;
    },
    async reveal(id) {
      const found = await row(id);
      if (!found) return undefined;
      const secrets = found.secrets === null ? {} : fromJson<object>(cipher.open(found.secrets, found.id));
      // Settings were checked against the type when they were put (the API validates them).
      const settings = { ...fromJson<object>(found.settings), ...secrets } as ChannelSettings;
      return { id: found.id, name: found.name, type: found.type as ChannelType, settings };
    },
    async put(channel) {
      const plain: Record<string, unknown> = {};
      const secret: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(channel.settings)) {
        if (!isSecretField(channel.type, field)) plain[field] = value;
        else if (isSet(value)) secret[field] = value;
      }
      const names = Object.keys(secret).sort();
      // Sealed with the channel id as context: a sealed value copied to another row will not open.
      const sealed = names.length > 0 ? cipher.seal(JSON.stringify(secret), channel.id) : null;
      const now = utc(clock());
      const values = {
        name: channel.name,
        type: channel.type,
        settings: toJson(plain),
        secrets: sealed,
        secrets_set: toJson(names),
        updated_at: now,
      };
      // Health is kept across edits: a fixed channel turns ok with its next successful send.
      const written = await db
        .insertInto('channels')
        .values({
          id: channel.id,
          workspace_id: homeOf(scope),
          ...values,
          consecutive_failures: 0,
          created_at: now,
        })
        .onConflict((oc) => {
          const update = oc.column('id').doUpdateSet(values);
          // Another workspace's row under this key is left alone (and refused below).
          return scope === null ? update : update.where('channels.workspace_id', '=', scope);
        })
        .executeTakeFirst();
      refuseIfUntouched(written, 'id', channel.id);
      const saved = await row(channel.id);
      if (!saved) throw new Error(`channel ${channel.id} vanished while being saved`);
      return toRecord(saved);
    },
    async delete(id) {
      const result = await db
        .deleteFrom('channels')
        .where('id', '=', id)
        .$if(scope !== null, (qb) => qb.where('workspace_id', '=', scope as string))
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async recordAttempt(id, outcome, at) {
      const when = utc(at);
      if (outcome.ok) {
        await update(id).set({ consecutive_failures: 0, last_success_at: when }).execute();
        return;
      }
      await update(id)
        .set((eb) => ({
          consecutive_failures: eb('consecutive_failures', '+', 1),
          last_error: outcome.error.slice(0, maxErrorLength),
          last_error_at: when,
        }))
        .execute();
    },
  };
}
