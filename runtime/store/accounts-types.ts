/**
 * The accounts part of the Store contract: workspaces, users, memberships with a role, login
 * sessions, invitations, password resets and API tokens. Secrets never reach this layer in
 * clear: callers (runtime/auth) pass password hashes and SHA-256 hashes of tokens.
 */

export const roles = ['owner', 'editor', 'operator', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Each role can do everything the roles below it can. */
export const roleRank: Readonly<Record<Role, number>> = { viewer: 0, operator: 1, editor: 2, owner: 3 };

export interface WorkspaceRecord {
  id: string;
  name: string;
  createdAt: string;
}

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}

/** Only for checking a password at login; never for an API answer. */
export interface UserWithPassword extends UserRecord {
  passwordHash: string;
}

/** A workspace the user belongs to, with the user's role there. */
export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

export interface MemberRecord {
  user: UserRecord;
  role: Role;
  joinedAt: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie's token. */
  id: string;
  userId: string;
  workspaceId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface InvitationRecord {
  /** SHA-256 of the emailed token. */
  id: string;
  workspaceId: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface PasswordResetRecord {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiTokenRecord {
  id: string;
  workspaceId: string;
  name: string;
  scopes: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
}

/** What changing or removing a member did; 'lastOwner' = refused, the workspace keeps an owner. */
export type MemberChange = 'changed' | 'notFound' | 'lastOwner';

/** Who accepts an invitation: a user who exists, or a new one. */
export type Invitee = { userId: string } | { newUser: NewUser };

export type AcceptResult =
  | { ok: true; user: UserRecord; workspaceId: string; role: Role }
  | { ok: false; reason: 'invalid' | 'emailTaken' };

export interface AccountsRepository {
  workspaces: {
    create(name: string, at: string): Promise<WorkspaceRecord>;
    get(id: string): Promise<WorkspaceRecord | undefined>;
    /** Every workspace, by id (the daily purge applies each one's retention period). */
    list(): Promise<WorkspaceRecord[]>;
    rename(id: string, name: string): Promise<void>;
  };
  users: {
    count(): Promise<number>;
    /** Undefined when the email is taken (emails are compared trimmed and lower-cased). */
    create(user: NewUser, at: string): Promise<UserRecord | undefined>;
    get(id: string): Promise<UserRecord | undefined>;
    byEmail(email: string): Promise<UserWithPassword | undefined>;
    setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  };
  memberships: {
    /** The user's workspaces, by name. */
    of(userId: string): Promise<WorkspaceMembership[]>;
    role(workspaceId: string, userId: string): Promise<Role | undefined>;
    members(workspaceId: string): Promise<MemberRecord[]>;
    /** Adds the user or changes their role (no last-owner check: for creating owners). */
    put(workspaceId: string, userId: string, role: Role, at: string): Promise<void>;
    /** Changes a member's role, unless that would leave the workspace without an owner. */
    changeRole(workspaceId: string, userId: string, role: Role): Promise<MemberChange>;
    /** Removes a member (and their sessions in the workspace), never the last owner. */
    remove(workspaceId: string, userId: string): Promise<MemberChange>;
  };
  sessions: {
    create(session: SessionRecord): Promise<void>;
    /** A session that has not expired at `now`. */
    get(id: string, now: string): Promise<SessionRecord | undefined>;
    /** Slides the expiry (and notes the time) of a session in use. */
    touch(id: string, lastSeenAt: string, expiresAt: string): Promise<void>;
    switchWorkspace(id: string, workspaceId: string): Promise<void>;
    delete(id: string): Promise<void>;
    /** Ends every session of the user except `keep` (after a password change). */
    deleteForUser(userId: string, keep?: string): Promise<number>;
    deleteExpired(now: string): Promise<number>;
  };
  invitations: {
    create(invitation: Omit<InvitationRecord, 'acceptedAt'>): Promise<void>;
    /** An invitation that is still open at `now` (not accepted, not expired). */
    open(id: string, now: string): Promise<InvitationRecord | undefined>;
    /** Open invitations of the workspace, newest first. */
    list(workspaceId: string, now: string): Promise<InvitationRecord[]>;
    delete(workspaceId: string, id: string): Promise<boolean>;
    /**
     * In one transaction: takes the open invitation (single use), creates the new user if one is
     * given, and adds the membership (an existing member keeps the higher of the two roles).
     */
    accept(id: string, invitee: Invitee, at: string): Promise<AcceptResult>;
  };
  passwordResets: {
    create(reset: Omit<PasswordResetRecord, 'usedAt'>): Promise<void>;
    /**
     * In one transaction: uses the reset (once, before it expires), sets the new password hash
     * and ends all of the user's sessions. Returns the user id, or undefined for a bad token.
     */
    use(id: string, passwordHash: string, at: string): Promise<string | undefined>;
  };
  apiTokens: {
    create(token: Omit<ApiTokenRecord, 'lastUsedAt' | 'revokedAt'> & { tokenHash: string }): Promise<void>;
    /** A token that has not been revoked. */
    byHash(tokenHash: string): Promise<ApiTokenRecord | undefined>;
    list(workspaceId: string): Promise<ApiTokenRecord[]>;
    revoke(workspaceId: string, id: string, at: string): Promise<boolean>;
    touch(id: string, at: string): Promise<void>;
  };
}
