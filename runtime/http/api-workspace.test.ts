/**
 * An owner managing the workspace through the API: members and their roles (the last owner can
 * be neither demoted nor removed), and API tokens — shown once, limited to their scopes, dead
 * once revoked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMember } from '../auth/testing/accounts.ts';
import { loginAs } from './testing/auth-session.ts';
import { jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await testApp();
});
afterEach(() => app.close());

const patch = (body: unknown) => ({ ...jsonPost(body), method: 'PATCH' });

describe('members', () => {
  it('lists members, changes a role, removes one, and always keeps an owner', async () => {
    const editor = await createMember(app.store, app.deps.clock(), 'editor@flowcall.test', 'editor');
    const owner = await loginAs(app, 'owner@flowcall.test');
    const ownerId = (await app.store.accounts.users.byEmail('owner@flowcall.test'))!.id;

    const listed = (await (await owner.request('/api/workspace/members')).json()) as { members: unknown[] };
    expect(listed.members).toEqual([
      expect.objectContaining({ email: 'editor@flowcall.test', role: 'editor' }),
      expect.objectContaining({ id: ownerId, email: 'owner@flowcall.test', role: 'owner' }),
    ]);

    const demoteSelf = await owner.request(`/api/workspace/members/${ownerId}`, patch({ role: 'editor' }));
    expect(demoteSelf.status).toBe(409);
    expect(((await demoteSelf.json()) as { error: string }).error).toContain('最後のオーナー');
    expect((await owner.request(`/api/workspace/members/${ownerId}`, { method: 'DELETE' })).status).toBe(409);
    expect(
      (await owner.request(`/api/workspace/members/${editor.id}`, patch({ role: 'chief' }))).status,
    ).toBe(400);
    expect((await owner.request('/api/workspace/members/nobody', patch({ role: 'viewer' }))).status).toBe(
      404,
    );

    expect(
      (await owner.request(`/api/workspace/members/${editor.id}`, patch({ role: 'owner' }))).status,
    ).toBe(200);
    // Two owners: one may step down now.
    expect((await owner.request(`/api/workspace/members/${ownerId}`, patch({ role: 'viewer' }))).status).toBe(
      200,
    );
    expect((await owner.request('/api/workspace/members')).status).toBe(403);

    const newOwner = await loginAs(app, 'editor@flowcall.test');
    expect((await newOwner.request(`/api/workspace/members/${ownerId}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    // The removed user's session there has ended.
    expect((await owner.request('/api/flows')).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('makes a token shown once, which works within its scopes until it is revoked', async () => {
    const made = await app.request(
      '/api/workspace/tokens',
      jsonPost({ name: 'CI（フローテスト）', scopes: ['flows:read', 'flows:test'] }),
    );
    expect(made.status).toBe(201);
    const { id, token, scopes } = (await made.json()) as { id: string; token: string; scopes: string[] };
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(scopes).toEqual(['flows:read', 'flows:test']);
    const listed = JSON.stringify(await (await app.request('/api/workspace/tokens')).json());
    expect(listed).toContain('CI（フローテスト）');
    expect(listed).not.toContain(token);

    const ci = { authorization: `Bearer ${token}` };
    expect((await app.anonymous('/api/flows/restaurant', { headers: ci })).status).toBe(200);
    const refused = await app.anonymous('/api/flows/restaurant/publish', jsonPost({ comment: 'x' }, ci));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { errorEn: string }).errorEn).toBe(
      'This API token lacks the "flows:publish" scope.',
    );
    expect((await app.anonymous('/api/history/export.csv', { headers: ci })).status).toBe(403);

    expect((await app.request(`/api/workspace/tokens/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/workspace/tokens/${id}`, { method: 'DELETE' })).status).toBe(404);
    expect((await app.anonymous('/api/flows/restaurant', { headers: ci })).status).toBe(401);
  });

  it('refuses a token without a name or with an unknown scope', async () => {
    expect(
      (await app.request('/api/workspace/tokens', jsonPost({ name: '', scopes: ['flows:read'] }))).status,
    ).toBe(400);
    const unknown = await app.request(
      '/api/workspace/tokens',
      jsonPost({ name: 'BI', scopes: ['everything'] }),
    );
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errorEn: string }).errorEn).toContain('history:export');
    expect((await app.request('/api/workspace/tokens', jsonPost({ name: 'BI', scopes: [] }))).status).toBe(
      400,
    );
  });
});
