/**
 * Kysely table types of the accounts tables (migration 0005-accounts). They sit beside
 * database.ts's `Database` rather than in it so the accounts repositories can be added without
 * touching the dialect layer: a repository widens its kysely instance with
 * `db.withTables<AccountTables>()`, which changes types only (the same connection underneath).
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  /** Trimmed and lower-cased; unique. */
  email: string;
  name: string;
  /** argon2id PHC string ($argon2id$v=19$m=…). */
  password_hash: string;
  created_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie's token: a copy of the database cannot log anyone in. */
  id: string;
  user_id: string;
  /** The workspace the session currently works in. */
  workspace_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface InvitationsTable {
  /** SHA-256 (hex) of the emailed token. */
  id: string;
  workspace_id: string;
  email: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface PasswordResetsTable {
  /** SHA-256 (hex) of the emailed token. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  /** SHA-256 (hex) of the token; unique. */
  token_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

// A type alias, not an interface: withTables wants an index-signature-compatible record.
export type AccountTables = {
  workspaces: WorkspacesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  api_tokens: ApiTokensTable;
};

export type AccountsDb = Kysely<Database & AccountTables>;

export const withAccountTables = (db: Kysely<Database>): AccountsDb => db.withTables<AccountTables>();
