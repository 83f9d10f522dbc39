/**
 * What each role may do in the editor, in one table, so a page asks `can('flows:edit')` instead
 * of naming roles. It mirrors runtime/auth/access.ts (the server refuses anyway; this only
 * spares people buttons that would fail): viewer reads everything; operator also keeps the
 * contact book and the call log; editor also flows, business hours, numbers and channels;
 * owner also members, invitations, API tokens, retention and deleting the whole call log.
 */
import type { Role } from '../api/auth-client.ts';

const rank: Readonly<Record<Role, number>> = { viewer: 0, operator: 1, editor: 2, owner: 3 };

export const actionRoles = {
  /** Change, save, publish, roll back, create, copy, import and delete flows. */
  'flows:edit': 'editor',
  /** Business hours, numbers and notification channels (the settings flows use). */
  'settings:edit': 'editor',
  /** Add, import, edit and delete contacts. */
  'contacts:edit': 'operator',
  /** Delete one call, make a test case from a call. */
  'history:edit': 'operator',
  /** Retention and deleting every call. */
  'history:admin': 'owner',
  /** The members page: members, invitations, API tokens. */
  'members:manage': 'owner',
} as const satisfies Record<string, Role>;

export type Action = keyof typeof actionRoles;

export function allowed(role: Role | undefined, action: Action): boolean {
  return role !== undefined && rank[role] >= rank[actionRoles[action]];
}
