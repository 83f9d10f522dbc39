/**
 * The editor hides what a role cannot do; the server refuses it. This holds the editor's table
 * to the server's (runtime/auth/access.ts): each action's routes need exactly the role the
 * editor asks for, so a button is never shown to someone the server would refuse, nor hidden
 * from someone it would allow.
 */
import { describe, expect, it } from 'vitest';
import { apiAccess, scopes as serverScopes } from '../../runtime/auth/access.ts';
import { roles as serverRoles } from '../../runtime/store/accounts-types.ts';
import { roles, scopes } from '../api/auth-client.ts';
import { type Action, actionRoles, allowed } from './permissions.ts';

const routesOf: Record<Action, string[]> = {
  'flows:edit': [
    'POST /api/flows',
    'PUT /api/flows/:id',
    'DELETE /api/flows/:id',
    'POST /api/flows/:id/publish',
    'POST /api/flows/:id/rollback',
  ],
  'settings:edit': [
    'PUT /api/schedules/:id',
    'DELETE /api/schedules/:id',
    'PUT /api/numbers/:number',
    'DELETE /api/numbers/:number',
    'PUT /api/channels/:id',
    'DELETE /api/channels/:id',
    'POST /api/channels/:id/test',
  ],
  'contacts:edit': [
    'POST /api/contacts',
    'POST /api/contacts/import',
    'PUT /api/contacts/:id',
    'DELETE /api/contacts/:id',
  ],
  'history:edit': ['DELETE /api/history/calls/:id', 'POST /api/history/calls/:id/test-case'],
  'history:admin': ['DELETE /api/history', 'PUT /api/history/retention'],
  'members:manage': [
    'GET /api/workspace/members',
    'PATCH /api/workspace/members/:userId',
    'POST /api/workspace/invitations',
    'POST /api/workspace/tokens',
  ],
};

describe('what each role may do in the editor', () => {
  it('knows the server’s roles and scopes', () => {
    expect(roles).toEqual(serverRoles);
    expect(scopes).toEqual(serverScopes);
  });

  it.each(Object.keys(actionRoles) as Action[])('%s needs the role the server asks for', (action) => {
    for (const route of routesOf[action]) {
      const rule = apiAccess[route];
      expect(rule?.kind === 'member' && rule.role, route).toBe(actionRoles[action]);
    }
  });

  it('lets a viewer only look, an operator keep contacts and calls, an editor change flows', () => {
    const may = (role: (typeof roles)[number]) =>
      (Object.keys(actionRoles) as Action[]).filter((action) => allowed(role, action));
    expect(may('viewer')).toEqual([]);
    expect(may('operator')).toEqual(['contacts:edit', 'history:edit']);
    expect(may('editor')).toEqual(['flows:edit', 'settings:edit', 'contacts:edit', 'history:edit']);
    expect(may('owner')).toHaveLength(Object.keys(actionRoles).length);
    expect(allowed(undefined, 'flows:edit')).toBe(false);
  });
});
