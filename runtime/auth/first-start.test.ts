import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/create-store.ts';
import type { Store } from '../store/types.ts';
import { ensureOwner } from './first-start.ts';
import { verifyPassword } from './passwords.ts';

const now = new Date('2026-11-24T03:00:00Z');

describe('first start', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(':memory:');
  });
  afterEach(() => store.close());

  it('creates the owner of the default workspace from the environment, once', async () => {
    const owner = {
      email: 'Owner@Sakura.example.jp',
      password: 'a-long-password',
      workspaceName: 'さくら歯科',
    };
    expect(await ensureOwner(store, now, { owner })).toEqual({
      kind: 'created',
      email: 'owner@sakura.example.jp',
    });
    const user = await store.accounts.users.byEmail('owner@sakura.example.jp');
    expect(user?.name).toBe('Owner');
    expect(await verifyPassword(user?.passwordHash, 'a-long-password')).toBe(true);
    expect(await store.accounts.memberships.of(user!.id)).toEqual([
      { id: 'default', name: 'さくら歯科', role: 'owner' },
    ]);
    // The next start finds the account and names it; nothing is created twice.
    expect(await ensureOwner(store, now, { owner })).toEqual({
      kind: 'existing',
      email: 'owner@sakura.example.jp',
    });
    expect(await store.accounts.users.count()).toBe(1);
  });

  it('refuses a short password from the environment with a readable reason', async () => {
    await expect(
      ensureOwner(store, now, { owner: { email: 'o@example.jp', password: 'short' } }),
    ).rejects.toThrow('at least 10 characters');
    expect(await store.accounts.users.count()).toBe(0);
  });

  it('asks on the terminal when it may, else hands out a setup token', async () => {
    const setup = await ensureOwner(store, now, { owner: { email: 'o@example.jp' } });
    expect(setup).toMatchObject({ kind: 'setup', token: expect.stringMatching(/^[\w-]{43}$/) });
    expect(await store.accounts.users.count()).toBe(0);
    const prompted = await ensureOwner(store, now, {
      prompt: async () => ({ email: 'asked@example.jp', password: 'typed-on-a-tty' }),
    });
    expect(prompted).toEqual({ kind: 'created', email: 'asked@example.jp' });
  });
});
