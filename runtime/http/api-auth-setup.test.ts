/**
 * The first start without FLOWCALL_OWNER_*: the printed setup token creates the owner through
 * POST /api/auth/setup, once, while no account exists; and the real server (startServer) says
 * how to log in — the env owner's email, or the setup link.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../main.ts';
import { memoryLogger } from './logger.ts';
import { cookieOf } from './testing/auth-session.ts';
import { jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('POST /api/auth/setup', () => {
  it('creates the owner with the setup token while there is no account, then never again', async () => {
    app = await testApp({ deps: { setupToken: 'setup-token-printed-at-start' }, noOwner: true });

    const setup = (body: Record<string, unknown>) => app!.anonymous('/api/auth/setup', jsonPost(body));
    const owner = {
      email: 'inchou@sakura.example.jp',
      password: 'sakura-dental-2026',
      workspaceName: 'さくら歯科',
    };
    expect((await setup({ ...owner, token: 'wrong' })).status).toBe(403);
    expect((await setup({ ...owner, token: 'setup-token-printed-at-start', password: 'short' })).status).toBe(
      400,
    );
    const created = await setup({ ...owner, token: 'setup-token-printed-at-start', name: '院長' });
    expect(created.status).toBe(200);
    expect(cookieOf(created)).toMatch(/^flowcall_session=/);
    expect(await created.json()).toMatchObject({
      user: { email: 'inchou@sakura.example.jp', name: '院長' },
      workspace: { id: 'default', name: 'さくら歯科', role: 'owner' },
    });
    const again = await setup({
      ...owner,
      email: 'someone@example.jp',
      token: 'setup-token-printed-at-start',
    });
    expect(again.status).toBe(409);
    expect(await app.store.accounts.users.count()).toBe(1);
  });
});

describe('startServer', () => {
  it('creates the owner from FLOWCALL_OWNER_* and logs which email to log in with, never the password', async () => {
    const logger = memoryLogger();
    const server = await startServer(
      {
        FLOWCALL_PORT: '0',
        DATABASE_URL: ':memory:',
        FLOWCALL_SEED_EXAMPLES: 'false',
        FLOWCALL_OWNER_EMAIL: 'owner@sakura.example.jp',
        FLOWCALL_OWNER_PASSWORD: 'owner-password-from-env',
        CI: 'true',
      },
      logger,
    );
    try {
      expect(server.loginHint).toBe(`ログイン / log in: ${server.url}  (owner@sakura.example.jp)`);
      const login = await fetch(
        `${server.url}/api/auth/login`,
        jsonPost({
          email: 'owner@sakura.example.jp',
          password: 'owner-password-from-env',
        }),
      );
      expect(login.status).toBe(200);
      expect(JSON.stringify(logger.entries)).not.toContain('owner-password-from-env');
    } finally {
      await server.close();
    }
  });

  it('prints a setup link when there is no account and no terminal, and the link works', async () => {
    const logger = memoryLogger();
    const server = await startServer(
      { FLOWCALL_PORT: '0', DATABASE_URL: ':memory:', FLOWCALL_SEED_EXAMPLES: 'false', CI: 'true' },
      logger,
    );
    try {
      const link = /(http:\/\/127\.0\.0\.1:\d+)\/#\/setup\?token=([\w-]{43})$/.exec(server.loginHint);
      expect(link?.[1]).toBe(server.url);
      expect(logger.entries).toContainEqual(
        expect.objectContaining({ fields: { setupUrl: `${server.url}/#/setup?token=${link![2]}` } }),
      );
      const created = await fetch(
        `${server.url}/api/auth/setup`,
        jsonPost({ token: link![2], email: 'first@example.jp', password: 'first-owner-password' }),
      );
      expect(created.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
