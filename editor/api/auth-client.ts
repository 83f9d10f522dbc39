/**
 * Accounts over /api/auth and /api/workspace: logging in and out, the current account, switching
 * workspace, the emailed links (password reset, first owner's setup, invitations), and — for
 * owners — members, invitations and API tokens. Shapes as runtime/http/api-auth*.ts and
 * api-workspace*.ts answer them.
 */
import { call } from './client.ts';

export const roles = ['owner', 'editor', 'operator', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const scopes = [
  'flows:read',
  'flows:write',
  'flows:publish',
  'flows:test',
  'history:read',
  'history:export',
  'contacts:read',
  'contacts:write',
  'admin',
] as const;
export type Scope = (typeof scopes)[number];

export interface WorkspaceMembership {
  id: string;
  name: string;
  role: Role;
}

/** Who is logged in (the answer of login, /me, setup, switching workspace, accepting an invitation). */
export interface Account {
  user: { id: string; email: string; name: string };
  workspaces: WorkspaceMembership[];
  workspace: WorkspaceMembership;
  /** Sent back in X-CSRF-Token with every write. */
  csrfToken: string;
}

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

/** An invitation just made: emailed, or (no SMTP server, or sending failed) its link to pass on. */
export interface InvitationSent {
  invitation: Invitation;
  emailed: boolean;
  link?: string;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  scopes: Scope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The token itself is in this answer only: the server keeps its hash. */
export interface ApiTokenCreated {
  id: string;
  name: string;
  scopes: Scope[];
  token: string;
}

const id = encodeURIComponent;

export const authApi = {
  login: (email: string, password: string) => call<Account>('POST', '/auth/login', { email, password }),
  me: () => call<Account>('GET', '/auth/me'),
  logout: () => call<void>('POST', '/auth/logout'),
  switchWorkspace: (workspaceId: string) => call<Account>('POST', '/auth/workspace', { workspaceId }),
  requestPasswordReset: (email: string) => call<void>('POST', '/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) =>
    call<void>('POST', '/auth/password-reset/confirm', { token, password }),
  setup: (input: { token: string; email: string; password: string; name?: string; workspaceName?: string }) =>
    call<Account>('POST', '/auth/setup', input),
  acceptInvitation: (input: { token: string; name?: string; password?: string }) =>
    call<Account>('POST', '/auth/invitations/accept', input),
};

export const workspaceApi = {
  members: () => call<{ members: Member[] }>('GET', '/workspace/members').then((r) => r.members),
  changeRole: (userId: string, role: Role) =>
    call<{ id: string; role: Role }>('PATCH', `/workspace/members/${id(userId)}`, { role }),
  removeMember: (userId: string) => call<void>('DELETE', `/workspace/members/${id(userId)}`),
  invitations: () =>
    call<{ invitations: Invitation[] }>('GET', '/workspace/invitations').then((r) => r.invitations),
  invite: (email: string, role: Role) =>
    call<InvitationSent>('POST', '/workspace/invitations', { email, role }),
  revokeInvitation: (invitationId: string) =>
    call<void>('DELETE', `/workspace/invitations/${id(invitationId)}`),
  tokens: () => call<{ tokens: ApiTokenInfo[] }>('GET', '/workspace/tokens').then((r) => r.tokens),
  createToken: (name: string, tokenScopes: Scope[]) =>
    call<ApiTokenCreated>('POST', '/workspace/tokens', { name, scopes: tokenScopes }),
  revokeToken: (tokenId: string) => call<void>('DELETE', `/workspace/tokens/${id(tokenId)}`),
};
