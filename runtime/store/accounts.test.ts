/**
 * The accounts repositories on a real SQLite file: the default workspace the migration creates,
 * emails unique whatever their case, the last owner protected, invitations and password resets
 * used once before they expire, and API tokens found only by hash until revoked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './create-store.ts';
import { tempDir, testClock } from './test-helpers.ts';
import type { Store } from './types.ts';

const at = '2026-04-01T01:00:00.000Z';
const later = '2026-04-01T02:00:00.000Z';
const user = (email: string) => ({
  email,
  name: '山田 太郎',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
});

describe('accounts in the store', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: Store;
  beforeEach(async () => {
    temp = tempDir();
    store = await openStore(`${temp.dir}/flowcall.db`, { clock: testClock() });
  });
  afterEach(async () => {
    await store.close();
    temp.cleanup();
  });

  it('starts with the default workspace and no user', async () => {
    expect(await store.accounts.workspaces.get('default')).toMatchObject({ id: 'default' });
    expect(await store.accounts.users.count()).toBe(0);
  });

  it('keeps emails lower-cased and refuses one that is taken in another case', async () => {
    const created = await store.accounts.users.create(user('  Taro@Example.JP '), at);
    expect(created).toMatchObject({ email: 'taro@example.jp', name: '山田 太郎' });
    expect(await store.accounts.users.create(user('TARO@example.jp'), at)).toBeUndefined();
    expect((await store.accounts.users.byEmail('taro@EXAMPLE.jp'))?.id).toBe(created?.id);
    expect(await store.accounts.users.count()).toBe(1);
  });

  it('never lets the last owner be demoted or removed, but a second owner can go', async () => {
    const { memberships } = store.accounts;
    const a = (await store.accounts.users.create(user('a@example.jp'), at))!;
    const b = (await store.accounts.users.create(user('b@example.jp'), at))!;
    await memberships.put('default', a.id, 'owner', at);
    await memberships.put('default', b.id, 'viewer', at);

    expect(await memberships.changeRole('default', a.id, 'editor')).toBe('lastOwner');
    expect(await memberships.remove('default', a.id)).toBe('lastOwner');
    expect(await memberships.changeRole('default', b.id, 'owner')).toBe('changed');
    expect(await memberships.remove('default', a.id)).toBe('changed');
    expect(await memberships.changeRole('default', b.id, 'viewer')).toBe('lastOwner');
    expect(await memberships.remove('default', 'nobody')).toBe('notFound');
    expect((await memberships.members('default')).map((m) => [m.user.email, m.role])).toEqual([
      ['b@example.jp', 'owner'],
    ]);
    expect(await memberships.of(a.id)).toEqual([]);
  });

  it('ends a removed member’s sessions in that workspace', async () => {
    const a = (await store.accounts.users.create(user('a@example.jp'), at))!;
    const b = (await store.accounts.users.create(user('b@example.jp'), at))!;
    await store.accounts.memberships.put('default', a.id, 'owner', at);
    await store.accounts.memberships.put('default', b.id, 'editor', at);
    const session = { userId: b.id, workspaceId: 'default', csrfToken: 'c', createdAt: at, lastSeenAt: at };
    await store.accounts.sessions.create({ ...session, id: 's1', expiresAt: later });

    expect(await store.accounts.sessions.get('s1', at)).toMatchObject({ userId: b.id });
    expect(await store.accounts.sessions.get('s1', later)).toBeUndefined();
    await store.accounts.memberships.remove('default', b.id);
    expect(await store.accounts.sessions.get('s1', at)).toBeUndefined();
  });

  it('purges expired sessions only', async () => {
    const a = (await store.accounts.users.create(user('a@example.jp'), at))!;
    const session = { userId: a.id, workspaceId: 'default', csrfToken: 'c', createdAt: at, lastSeenAt: at };
    await store.accounts.sessions.create({ ...session, id: 'old', expiresAt: at });
    await store.accounts.sessions.create({ ...session, id: 'live', expiresAt: later });
    expect(await store.accounts.sessions.deleteExpired(at)).toBe(1);
    expect(await store.accounts.sessions.deleteForUser(a.id, 'live')).toBe(0);
    expect(await store.accounts.sessions.get('live', at)).toMatchObject({ id: 'live' });
  });

  it('accepts an invitation once, for its email only, and never demotes a member', async () => {
    const { invitations } = store.accounts;
    const invitation = {
      workspaceId: 'default',
      email: 'Hanako@Example.jp',
      role: 'editor' as const,
      invitedBy: 'owner',
      createdAt: at,
      expiresAt: later,
    };
    await invitations.create({ ...invitation, id: 'i1' });
    expect((await invitations.list('default', at)).map((i) => i.email)).toEqual(['hanako@example.jp']);

    expect(await invitations.accept('i1', { newUser: user('someone@example.jp') }, at)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const accepted = await invitations.accept('i1', { newUser: user('hanako@example.jp') }, at);
    expect(accepted).toMatchObject({ ok: true, workspaceId: 'default', role: 'editor' });
    expect(await invitations.accept('i1', { newUser: user('hanako@example.jp') }, at)).toMatchObject({
      ok: false,
    });
    expect(await invitations.list('default', at)).toEqual([]);

    // Invited again as a viewer, the editor stays an editor.
    await invitations.create({ ...invitation, id: 'i2', role: 'viewer' });
    const userId = accepted.ok ? accepted.user.id : '';
    expect(await invitations.accept('i2', { userId }, at)).toMatchObject({ ok: true, role: 'editor' });

    await invitations.create({ ...invitation, id: 'i3', email: 'late@example.jp' });
    expect(await invitations.open('i3', later)).toBeUndefined();
    expect(await invitations.accept('i3', { newUser: user('late@example.jp') }, later)).toMatchObject({
      ok: false,
    });
  });

  it('uses a password reset once, sets the hash and ends every session of the user', async () => {
    const a = (await store.accounts.users.create(user('a@example.jp'), at))!;
    await store.accounts.memberships.put('default', a.id, 'owner', at);
    const session = { userId: a.id, workspaceId: 'default', csrfToken: 'c', createdAt: at, lastSeenAt: at };
    await store.accounts.sessions.create({ ...session, id: 's1', expiresAt: later });
    await store.accounts.passwordResets.create({ id: 'r1', userId: a.id, createdAt: at, expiresAt: later });
    await store.accounts.passwordResets.create({ id: 'r2', userId: a.id, createdAt: at, expiresAt: later });

    expect(await store.accounts.passwordResets.use('r1', 'new-hash', later)).toBeUndefined();
    expect(await store.accounts.passwordResets.use('r1', 'new-hash', at)).toBe(a.id);
    expect((await store.accounts.users.byEmail('a@example.jp'))?.passwordHash).toBe('new-hash');
    expect(await store.accounts.sessions.get('s1', at)).toBeUndefined();
    expect(await store.accounts.passwordResets.use('r1', 'other', at)).toBeUndefined();
    // The second link sent earlier is void too.
    expect(await store.accounts.passwordResets.use('r2', 'other', at)).toBeUndefined();
  });

  it('finds an API token by its hash until it is revoked', async () => {
    const { apiTokens } = store.accounts;
    await apiTokens.create({
      id: 'tok1',
      workspaceId: 'default',
      name: 'CI',
      scopes: ['flows:read', 'flows:publish'],
      createdBy: 'owner',
      createdAt: at,
      tokenHash: 'h1',
    });
    expect(await apiTokens.byHash('h1')).toMatchObject({
      id: 'tok1',
      scopes: ['flows:read', 'flows:publish'],
    });
    await apiTokens.touch('tok1', later);
    expect(await apiTokens.revoke('other-workspace', 'tok1', later)).toBe(false);
    expect(await apiTokens.revoke('default', 'tok1', later)).toBe(true);
    expect(await apiTokens.byHash('h1')).toBeUndefined();
    expect(await apiTokens.list('default')).toEqual([
      expect.objectContaining({ id: 'tok1', lastUsedAt: later, revokedAt: later }),
    ]);
  });
});
