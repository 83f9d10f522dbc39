/**
 * Logging in through the real app: the session cookie and its flags, one message for a wrong
 * email and a wrong password, /me, logout, switching workspace, and the login limits (429 with
 * Retry-After even for the right password, lifted when the window has passed on the clock).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMember, testPassword } from '../auth/testing/accounts.ts';
import { cookieOf, loginAs } from './testing/auth-session.ts';
import { jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await testApp({ at: '2026-11-24T12:00:00+09:00' });
  await createMember(app.store, app.deps.clock(), 'editor@sakura.example.jp', 'editor');
});
afterEach(() => app.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  app.anonymous('/api/auth/login', jsonPost({ email, password }, headers));

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure session cookie for 14 days and answers who is logged in', async () => {
    const response = await login('Editor@Sakura.example.jp', testPassword);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^flowcall_session=[\w-]{43}; /);
    for (const flag of ['Max-Age=1209600', 'Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax'])
      expect(setCookie).toContain(flag);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      user: { id: expect.any(String), email: 'editor@sakura.example.jp', name: 'editor' },
      workspaces: [{ id: 'default', name: 'ワークスペース', role: 'editor' }],
      workspace: { id: 'default', name: 'ワークスペース', role: 'editor' },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    // The token itself is never stored: only its hash.
    const token = cookieOf(response).split('=')[1]!;
    expect(await app.store.accounts.sessions.get(token, '2026-11-24T03:00:00Z')).toBeUndefined();

    const me = await app.anonymous('/api/auth/me', { headers: { cookie: cookieOf(response) } });
    expect(await me.json()).toEqual(body);
  });

  it('leaves Secure off when the public URL is plain http (local use)', async () => {
    await app.close();
    app = await testApp({ config: { publicBaseUrl: 'http://127.0.0.1:8787' } });
    await createMember(app.store, app.deps.clock(), 'local@example.jp', 'owner');
    const setCookie = (await login('local@example.jp', testPassword)).headers.get('set-cookie') ?? '';
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).not.toContain('Secure');
  });

  it('answers a wrong password and an unknown email with the same 401 and sets no cookie', async () => {
    const wrongPassword = await login('editor@sakura.example.jp', 'not the password');
    const unknownEmail = await login('nobody@sakura.example.jp', testPassword);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const expected = {
      error: 'メールアドレスまたはパスワードが違います。',
      errorEn: 'The email or the password is wrong.',
    };
    expect(await wrongPassword.json()).toEqual(expected);
    expect(await unknownEmail.json()).toEqual(expected);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect((await app.anonymous('/api/auth/login', jsonPost({}))).status).toBe(401);
  });

  it('logs out: the session is gone and the cookie cleared', async () => {
    const session = await loginAs(app, 'editor@sakura.example.jp');
    const out = await session.request('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^flowcall_session=; Max-Age=0; Path=\/; HttpOnly; Secure; SameSite=Lax/,
    );
    expect((await session.request('/api/auth/me')).status).toBe(401);
    expect((await session.request('/api/flows')).status).toBe(401);
  });

  it('slides the session: used within 14 days it lives on, left alone it expires', async () => {
    const session = await loginAs(app, 'editor@sakura.example.jp');
    app.setTime('2026-12-05T12:00:00+09:00');
    const used = await session.request('/api/flows');
    expect(used.status).toBe(200);
    expect(used.headers.get('set-cookie')).toContain('Max-Age=1209600');
    app.setTime('2026-12-18T12:00:00+09:00');
    expect((await session.request('/api/flows')).status).toBe(200);
    app.setTime('2027-01-02T12:00:00+09:00');
    expect((await session.request('/api/flows')).status).toBe(401);
  });

  it('switches workspace only to one the user belongs to', async () => {
    const other = await app.store.accounts.workspaces.create('第二医院', '2026-11-24T03:00:00Z');
    const session = await loginAs(app, 'editor@sakura.example.jp');
    const refused = await session.request('/api/auth/workspace', jsonPost({ workspaceId: other.id }));
    expect(refused.status).toBe(403);
    const user = (await app.store.accounts.users.byEmail('editor@sakura.example.jp'))!;
    await app.store.accounts.memberships.put(other.id, user.id, 'viewer', '2026-11-24T03:00:00Z');
    const switched = await session.request('/api/auth/workspace', jsonPost({ workspaceId: other.id }));
    expect(switched.status).toBe(200);
    expect(((await switched.json()) as { workspace: unknown }).workspace).toEqual({
      id: other.id,
      name: '第二医院',
      role: 'viewer',
    });
    // Now a viewer there: reading works, writing a flow does not.
    expect((await session.request('/api/flows')).status).toBe(200);
    expect((await session.request('/api/flows/restaurant', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('login limits', () => {
  it('refuses the 6th try for an email within 15 minutes with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('editor@sakura.example.jp', `wrong-${i}`)).status).toBe(401);
    const blocked = await login('editor@sakura.example.jp', testPassword);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('900');
    expect(((await blocked.json()) as { error: string }).error).toContain('しばらく待って');
    // Another email is not held back.
    await createMember(app.store, app.deps.clock(), 'other@sakura.example.jp', 'viewer');
    expect((await login('other@sakura.example.jp', testPassword)).status).toBe(200);

    app.setTime('2026-11-24T12:10:00+09:00');
    expect((await login('editor@sakura.example.jp', testPassword)).headers.get('retry-after')).toBe('300');
    app.setTime('2026-11-24T12:15:00+09:00');
    expect((await login('editor@sakura.example.jp', testPassword)).status).toBe(200);
  });

  it('refuses a client address after 20 failures whatever the email (behind a trusted proxy)', async () => {
    await app.close();
    app = await testApp({ config: { trustProxy: true } });
    await createMember(app.store, app.deps.clock(), 'editor@sakura.example.jp', 'editor');
    const from = (address: string) => ({ 'x-forwarded-for': `198.51.100.1, ${address}` });
    for (let i = 0; i < 20; i++)
      expect((await login(`guess-${i}@example.jp`, 'wrong-password', from('203.0.113.9'))).status).toBe(401);
    const blocked = await login('editor@sakura.example.jp', testPassword, from('203.0.113.9'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('editor@sakura.example.jp', testPassword, from('203.0.113.10'))).status).toBe(200);
  });
});
