/**
 * API tokens of a workspace (CI publishing flows, BI exporting the call log). Stored by the
 * SHA-256 of the token, with a short public id for listing and revoking; a revoked token stays
 * listed (with its time) so an owner can see what stopped working and why.
 */

import { apiTokenOf } from './accounts-rows.ts';
import type { AccountsDb } from './accounts-tables.ts';
import type { AccountsRepository } from './accounts-types.ts';
import { toJson } from './codec.ts';

export function apiTokensRepository(db: AccountsDb): AccountsRepository['apiTokens'] {
  return {
    async create(token) {
      await db
        .insertInto('api_tokens')
        .values({
          id: token.id,
          workspace_id: token.workspaceId,
          name: token.name,
          token_hash: token.tokenHash,
          scopes: toJson(token.scopes),
          created_by: token.createdBy,
          created_at: token.createdAt,
          last_used_at: null,
          revoked_at: null,
        })
        .execute();
    },
    async byHash(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? apiTokenOf(row) : undefined;
    },
    async list(workspaceId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(apiTokenOf);
    },
    async revoke(workspaceId, id, at) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async touch(id, at) {
      await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },
  };
}
