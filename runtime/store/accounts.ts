/**
 * The accounts repositories over one kysely instance: workspaces, users and memberships here;
 * sessions, invitations and password resets in accounts-sessions.ts; API tokens in
 * accounts-tokens.ts. The last owner of a workspace is protected inside the same transaction
 * that would remove or demote them, so two owners demoting each other at once cannot both win.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { insertUser, normalEmail, upsertMember, userOf, workspaceOf } from './accounts-rows.ts';
import { invitationsRepository, passwordResetsRepository, sessionsRepository } from './accounts-sessions.ts';
import { type AccountsDb, withAccountTables } from './accounts-tables.ts';
import { apiTokensRepository } from './accounts-tokens.ts';
import type { AccountsRepository, MemberChange, Role } from './accounts-types.ts';
import type { Database } from './database.ts';

function workspacesRepository(db: AccountsDb): AccountsRepository['workspaces'] {
  return {
    async create(name, at) {
      const row = { id: `ws-${randomBytes(6).toString('hex')}`, name: name.trim(), created_at: at };
      await db.insertInto('workspaces').values(row).execute();
      return workspaceOf(row);
    },
    async get(id) {
      const row = await db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? workspaceOf(row) : undefined;
    },
    async list() {
      const rows = await db.selectFrom('workspaces').selectAll().orderBy('id').execute();
      return rows.map(workspaceOf);
    },
    async rename(id, name) {
      await db.updateTable('workspaces').set({ name: name.trim() }).where('id', '=', id).execute();
    },
  };
}

function usersRepository(db: AccountsDb): AccountsRepository['users'] {
  return {
    async count() {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    create: (user, at) => db.transaction().execute((trx) => insertUser(trx, user, at)),
    async get(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? userOf(row) : undefined;
    },
    async byEmail(email) {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', normalEmail(email))
        .executeTakeFirst();
      return row ? { ...userOf(row), passwordHash: row.password_hash } : undefined;
    },
    async setPasswordHash(userId, passwordHash) {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    },
  };
}

/** Whether taking `userId`'s owner role away would leave the workspace with no owner. */
async function isLastOwner(db: AccountsDb, workspaceId: string, userId: string): Promise<boolean> {
  const owners = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .execute();
  return owners.length === 1 && owners[0]!.user_id === userId;
}

function membershipsRepository(db: AccountsDb): AccountsRepository['memberships'] {
  const current = (trx: AccountsDb, workspaceId: string, userId: string) =>
    trx
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  return {
    async of(userId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
        .select(['workspaces.id', 'workspaces.name', 'memberships.role'])
        .where('memberships.user_id', '=', userId)
        .orderBy('workspaces.name')
        .orderBy('workspaces.id')
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, role: row.role as Role }));
    },
    async role(workspaceId, userId) {
      return (await current(db, workspaceId, userId))?.role as Role | undefined;
    },
    async members(workspaceId) {
      const rows = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'users.name', 'users.created_at', 'memberships.role'])
        .select('memberships.created_at as joined_at')
        .where('memberships.workspace_id', '=', workspaceId)
        .orderBy('users.email')
        .execute();
      return rows.map((row) => ({ user: userOf(row), role: row.role as Role, joinedAt: row.joined_at }));
    },
    async put(workspaceId, userId, role, at) {
      await upsertMember(db, workspaceId, userId, role, at);
    },
    changeRole(workspaceId, userId, role) {
      return db.transaction().execute(async (trx): Promise<MemberChange> => {
        const found = await current(trx, workspaceId, userId);
        if (!found) return 'notFound';
        if (role !== 'owner' && found.role === 'owner' && (await isLastOwner(trx, workspaceId, userId)))
          return 'lastOwner';
        await trx
          .updateTable('memberships')
          .set({ role })
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        return 'changed';
      });
    },
    remove(workspaceId, userId) {
      return db.transaction().execute(async (trx): Promise<MemberChange> => {
        const found = await current(trx, workspaceId, userId);
        if (!found) return 'notFound';
        if (found.role === 'owner' && (await isLastOwner(trx, workspaceId, userId))) return 'lastOwner';
        await trx
          .deleteFrom('memberships')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        // Their sessions there end at once (a session elsewhere stays).
        await trx
          .deleteFrom('sessions')
          .where('workspace_id', '=', workspaceId)
          .where('user_id', '=', userId)
          .execute();
        return 'changed';
      });
    },
  };
}

export function accountsRepository(database: Kysely<Database>): AccountsRepository {
  const db = withAccountTables(database);
  return {
    workspaces: workspacesRepository(db),
    users: usersRepository(db),
    memberships: membershipsRepository(db),
    sessions: sessionsRepository(db),
    invitations: invitationsRepository(db),
    passwordResets: passwordResetsRepository(db),
    apiTokens: apiTokensRepository(db),
  };
}
