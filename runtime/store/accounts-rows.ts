/**
 * Row ↔ record conversions of the accounts tables and the writes several repositories share
 * (creating a user, adding a member) so they can run inside one another's transactions.
 */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type {
  AccountsDb,
  ApiTokensTable,
  InvitationsTable,
  SessionsTable,
  UsersTable,
  WorkspacesTable,
} from './accounts-tables.ts';
import {
  type ApiTokenRecord,
  type InvitationRecord,
  type NewUser,
  type Role,
  roleRank,
  type SessionRecord,
  type UserRecord,
  type WorkspaceRecord,
} from './accounts-types.ts';
import { fromJson } from './codec.ts';

/** Emails are kept and compared trimmed and lower-cased (Taro@Example.jp is taro@example.jp). */
export const normalEmail = (email: string) => email.trim().toLowerCase();

export const higherRole = (a: Role, b: Role): Role => (roleRank[a] >= roleRank[b] ? a : b);

export const workspaceOf = (row: Selectable<WorkspacesTable>): WorkspaceRecord => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
});

export const userOf = (
  row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'name' | 'created_at'>,
): UserRecord => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});

export const sessionOf = (row: Selectable<SessionsTable>): SessionRecord => ({
  id: row.id,
  userId: row.user_id,
  workspaceId: row.workspace_id,
  csrfToken: row.csrf_token,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastSeenAt: row.last_seen_at,
});

export const invitationOf = (row: Selectable<InvitationsTable>): InvitationRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  email: row.email,
  role: row.role as Role,
  invitedBy: row.invited_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  acceptedAt: row.accepted_at,
});

export const apiTokenOf = (row: Selectable<ApiTokensTable>): ApiTokenRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  scopes: fromJson<string[]>(row.scopes),
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** Inserts a user unless the email is taken (run it in a transaction: check and insert together). */
export async function insertUser(db: AccountsDb, user: NewUser, at: string): Promise<UserRecord | undefined> {
  const email = normalEmail(user.email);
  const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (taken) return undefined;
  const row = {
    id: randomUUID(),
    email,
    name: user.name.trim(),
    password_hash: user.passwordHash,
    created_at: at,
  };
  await db.insertInto('users').values(row).execute();
  return userOf(row);
}

/** Adds a member, or sets the role of one (`keepHigher`: an existing member is never demoted). */
export async function upsertMember(
  db: AccountsDb,
  workspaceId: string,
  userId: string,
  role: Role,
  at: string,
  keepHigher = false,
): Promise<Role> {
  const existing = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!existing) {
    await db
      .insertInto('memberships')
      .values({ workspace_id: workspaceId, user_id: userId, role, created_at: at })
      .execute();
    return role;
  }
  const next = keepHigher ? higherRole(existing.role as Role, role) : role;
  await db
    .updateTable('memberships')
    .set({ role: next })
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .execute();
  return next;
}
