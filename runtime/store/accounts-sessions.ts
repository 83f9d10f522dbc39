/**
 * Login sessions, invitations and password resets. Each row's id is the SHA-256 of the secret
 * the browser or the email carries; the tokens themselves are never stored. Single use is a
 * compare-and-set on `accepted_at` / `used_at` inside the transaction that acts on it.
 */

import { insertUser, invitationOf, normalEmail, sessionOf, upsertMember, userOf } from './accounts-rows.ts';
import type { AccountsDb } from './accounts-tables.ts';
import type { AcceptResult, AccountsRepository, Role, UserRecord } from './accounts-types.ts';

export function sessionsRepository(db: AccountsDb): AccountsRepository['sessions'] {
  return {
    async create(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          workspace_id: session.workspaceId,
          csrf_token: session.csrfToken,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          last_seen_at: session.lastSeenAt,
        })
        .execute();
    },
    async get(id, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? sessionOf(row) : undefined;
    },
    async touch(id, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id', '=', id)
        .execute();
    },
    async switchWorkspace(id, workspaceId) {
      await db.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', id).execute();
    },
    async delete(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteForUser(userId, keep) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keep !== undefined) query = query.where('id', '!=', keep);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export function invitationsRepository(db: AccountsDb): AccountsRepository['invitations'] {
  const open = (trx: AccountsDb, id: string, now: string) =>
    trx
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', id)
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  return {
    async create(invitation) {
      await db
        .insertInto('invitations')
        .values({
          id: invitation.id,
          workspace_id: invitation.workspaceId,
          email: normalEmail(invitation.email),
          role: invitation.role,
          invited_by: invitation.invitedBy,
          created_at: invitation.createdAt,
          expires_at: invitation.expiresAt,
          accepted_at: null,
        })
        .execute();
    },
    async open(id, now) {
      const row = await open(db, id, now);
      return row ? invitationOf(row) : undefined;
    },
    async list(workspaceId, now) {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(invitationOf);
    },
    async delete(workspaceId, id) {
      const result = await db
        .deleteFrom('invitations')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    accept(id, invitee, at) {
      return db.transaction().execute(async (trx): Promise<AcceptResult> => {
        const invitation = await open(trx, id, at);
        if (!invitation) return { ok: false, reason: 'invalid' };
        let user: UserRecord | undefined;
        if ('userId' in invitee) {
          const row = await trx
            .selectFrom('users')
            .selectAll()
            .where('id', '=', invitee.userId)
            .executeTakeFirst();
          // The invitation names an email: only that person may take it.
          if (!row || row.email !== invitation.email) return { ok: false, reason: 'invalid' };
          user = userOf(row);
        } else {
          if (normalEmail(invitee.newUser.email) !== invitation.email)
            return { ok: false, reason: 'invalid' };
          user = await insertUser(trx, invitee.newUser, at);
          if (!user) return { ok: false, reason: 'emailTaken' };
        }
        await trx.updateTable('invitations').set({ accepted_at: at }).where('id', '=', id).execute();
        const role = await upsertMember(
          trx,
          invitation.workspace_id,
          user.id,
          invitation.role as Role,
          at,
          true,
        );
        return { ok: true, user, workspaceId: invitation.workspace_id, role };
      });
    },
  };
}

export function passwordResetsRepository(db: AccountsDb): AccountsRepository['passwordResets'] {
  return {
    async create(reset) {
      await db
        .insertInto('password_resets')
        .values({
          id: reset.id,
          user_id: reset.userId,
          created_at: reset.createdAt,
          expires_at: reset.expiresAt,
          used_at: null,
        })
        .execute();
    },
    use(id, passwordHash, at) {
      return db.transaction().execute(async (trx) => {
        const taken = await trx
          .updateTable('password_resets')
          .set({ used_at: at })
          .where('id', '=', id)
          .where('used_at', 'is', null)
          .where('expires_at', '>', at)
          .returning('user_id')
          .executeTakeFirst();
        if (!taken) return undefined;
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash })
          .where('id', '=', taken.user_id)
          .execute();
        await trx.deleteFrom('sessions').where('user_id', '=', taken.user_id).execute();
        // Any other reset link sent before this one is void too.
        await trx
          .updateTable('password_resets')
          .set({ used_at: at })
          .where('user_id', '=', taken.user_id)
          .where('used_at', 'is', null)
          .execute();
        return taken.user_id;
      });
    },
  };
}
