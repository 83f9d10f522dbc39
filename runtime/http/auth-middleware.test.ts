/**
 * The gate in front of /api, walked route by route: every route createApp registers has a rule
 * in the access table (and the table names no route that is gone), nothing but the public
 * routes answers without credentials, each role and each token scope is refused exactly the
 * routes above it, and cookie-authenticated writes need the CSRF token while bearer tokens do not.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiAccess, roleAtLeast, type Scope, scopes } from '../auth/access.ts';
import { createApiToken, createMember } from '../auth/testing/accounts.ts';
import { roles } from '../store/accounts-types.ts';
import { createApp } from './app.ts';
import { loginAs } from './testing/auth-session.ts';
import { jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

/** "METHOD /api/…" of every handler createApp registers (middleware is registered for ALL). */
function registeredApiRoutes(): string[] {
  const { hono } = createApp(app.deps);
  const keys = hono.routes
    .filter((route) => route.path.startsWith('/api/') && route.method !== 'ALL')
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(keys)];
}

/** A concrete URL for a route pattern (the ids need not exist: the gate answers before the handler). */
const urlOf = (key: string) => {
  const [method, pattern] = key.split(' ') as [string, string];
  return { method, path: pattern.replace(/:(\w+)/g, (_, name: string) => `x-${name}`) };
};

async function statusOf(key: string, headers: Record<string, string>): Promise<number> {
  const { method, path } = urlOf(key);
  const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
  if (method !== 'GET') init.body = '{}';
  return (await app.anonymous(path, init)).status;
}

describe('the access table', () => {
  it('has a rule for every API route createApp registers, and none for a route that does not exist', () => {
    const registered = registeredApiRoutes();
    expect(registered.length).toBeGreaterThan(60);
    expect(registered.filter((key) => !(key in apiAccess))).toEqual([]);
    expect(Object.keys(apiAccess).filter((key) => !registered.includes(key))).toEqual([]);
  });

  it('lets nothing but the public routes answer without credentials', async () => {
    for (const key of registeredApiRoutes()) {
      const { method, path } = urlOf(key);
      const init: RequestInit = { method, ...(method === 'GET' ? {} : { body: '{}' }) };
      const response = await app.anonymous(path, init);
      const body = (await response.json()) as { errorEn?: string };
      if (apiAccess[key]?.kind === 'public') expect(body.errorEn, key).not.toBe('Log in first.');
      else expect([response.status, body.errorEn], key).toEqual([401, 'Log in first.']);
    }
  });

  it('refuses each role exactly the routes that need a higher one', async () => {
    const now = app.deps.clock();
    for (const role of roles) {
      await createMember(app.store, now, `${role}@flowcall.test`, role);
      const session = await loginAs(app, `${role}@flowcall.test`);
      for (const [key, rule] of Object.entries(apiAccess)) {
        if (rule.kind !== 'member') continue;
        const { method, path } = urlOf(key);
        const response = await session.request(path, { method, ...(method === 'GET' ? {} : { body: '{}' }) });
        if (roleAtLeast(role, rule.role)) expect(response.status, `${role} ${key}`).not.toBe(403);
        else expect(response.status, `${role} ${key}`).toBe(403);
      }
    }
  });

  it('refuses each token scope every route that needs another scope', async () => {
    const now = app.deps.clock();
    const owner = (await app.store.accounts.users.byEmail('owner@flowcall.test'))!;
    for (const scope of scopes.filter((s): s is Exclude<Scope, 'admin'> => s !== 'admin')) {
      const token = await createApiToken(app.store, now, { createdBy: owner.id, scopes: [scope] });
      for (const [key, rule] of Object.entries(apiAccess)) {
        if (rule.kind === 'public') continue;
        const status = await statusOf(key, { authorization: `Bearer ${token}` });
        if (rule.kind === 'member' && rule.scope === scope) expect(status, `${scope} ${key}`).not.toBe(403);
        else expect(status, `${scope} ${key}`).toBe(403);
      }
    }
  });
});

describe('roles', () => {
  it('a viewer reads but cannot write, an operator cannot publish, an editor cannot manage members', async () => {
    const now = app.deps.clock();
    await createMember(app.store, now, 'viewer@flowcall.test', 'viewer');
    await createMember(app.store, now, 'operator@flowcall.test', 'operator');
    await createMember(app.store, now, 'editor@flowcall.test', 'editor');
    const viewer = await loginAs(app, 'viewer@flowcall.test');
    const operator = await loginAs(app, 'operator@flowcall.test');
    const editor = await loginAs(app, 'editor@flowcall.test');

    expect((await viewer.request('/api/flows/restaurant')).status).toBe(200);
    const refused = await viewer.request(
      '/api/contacts',
      jsonPost({ name: '山田', numbers: ['090-1234-5678'] }),
    );
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: 'この操作には「オペレーター」以上の役割が必要です。',
      errorEn: 'This needs the operator role or higher.',
    });
    expect(
      (await operator.request('/api/contacts', jsonPost({ name: '山田', numbers: ['090-1234-5678'] })))
        .status,
    ).toBe(201);
    expect((await operator.request('/api/flows/restaurant/publish', jsonPost({ comment: 'x' }))).status).toBe(
      403,
    );
    expect(
      (await editor.request('/api/flows/restaurant/publish', jsonPost({ comment: '公開' }))).status,
    ).toBe(201);
    expect((await editor.request('/api/workspace/members')).status).toBe(403);
    expect((await editor.request('/api/history?confirm=all', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token or with a wrong one, and takes the right one', async () => {
    await createMember(app.store, app.deps.clock(), 'editor@flowcall.test', 'editor');
    const session = await loginAs(app, 'editor@flowcall.test');
    const remove = (headers: Record<string, string>) =>
      app.anonymous('/api/flows/restaurant', {
        method: 'DELETE',
        headers: { cookie: session.cookie, ...headers },
      });

    const missing = await remove({});
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { errorEn: string }).errorEn).toContain('CSRF');
    expect((await remove({ 'x-csrf-token': `${session.csrfToken.slice(1)}x` })).status).toBe(403);
    expect(await app.store.flows.get('restaurant')).toBeDefined();
    expect((await remove({ 'x-csrf-token': session.csrfToken })).status).toBe(204);
    expect(await app.store.flows.get('restaurant')).toBeUndefined();
    // Reads need no token.
    expect((await app.anonymous('/api/flows', { headers: { cookie: session.cookie } })).status).toBe(200);
  });

  it('does not apply to API tokens (no cookie, no CSRF)', async () => {
    expect((await app.request('/api/flows/restaurant', { method: 'DELETE' })).status).toBe(204);
  });
});

describe('API tokens', () => {
  it('are refused when unknown, malformed or revoked; session-only routes refuse them', async () => {
    expect((await app.anonymous('/api/flows', { headers: { authorization: 'Bearer nope' } })).status).toBe(
      401,
    );
    expect((await app.anonymous('/api/flows', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await app.request('/api/auth/me')).status).toBe(403);
    const owner = (await app.store.accounts.users.byEmail('owner@flowcall.test'))!;
    const token = await createApiToken(app.store, app.deps.clock(), {
      createdBy: owner.id,
      scopes: ['flows:read'],
    });
    const [record] = (await app.store.accounts.apiTokens.list('default')).filter(
      (t) => t.scopes[0] === 'flows:read',
    );
    expect(
      (await app.anonymous('/api/flows', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    await app.store.accounts.apiTokens.revoke('default', record!.id, app.deps.clock().toISOString());
    expect(
      (await app.anonymous('/api/flows', { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });

  it('keeps the legacy FLOWCALL_API_TOKEN working as a full-access token of the default workspace', async () => {
    await app.close();
    app = await testApp({ config: { apiToken: 'legacy-token-123' } });
    const legacy = { authorization: 'Bearer legacy-token-123' };
    expect((await app.anonymous('/api/workspace/members', { headers: legacy })).status).toBe(200);
    expect((await app.anonymous('/api/flows/restaurant', { method: 'DELETE', headers: legacy })).status).toBe(
      204,
    );
  });

  it('answers an unknown API path with 404 to a caller it knows', async () => {
    expect((await app.request('/api/nothing-here')).status).toBe(404);
    expect((await app.anonymous('/api/nothing-here')).status).toBe(401);
  });
});
