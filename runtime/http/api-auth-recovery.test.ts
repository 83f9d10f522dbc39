/**
 * The emailed links, end to end through a real SMTP server on 127.0.0.1: a password reset
 * (202 whether or not the account exists, the link works once within the hour and ends every
 * session) and an invitation (a new person joins with a name and password; an existing user
 * must be logged in as the invited email).
 */
import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMember, testPassword } from '../auth/testing/accounts.ts';
import { type FakeSmtpServer, startFakeSmtp } from '../effects/channels/testing/fake-smtp.ts';
import { cookieOf, loginAs, sessionClient } from './testing/auth-session.ts';
import { baseUrl, jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let smtp: FakeSmtpServer;
let app: TestApp;
beforeEach(async () => {
  smtp = await startFakeSmtp({ users: { mailer: 'smtp-secret-0123' } });
  app = await testApp({
    config: {
      smtpUrl: `smtp://mailer:smtp-secret-0123@127.0.0.1:${smtp.port}`,
      mailFrom: 'flowcall <no-reply@flowcall.test>',
    },
  });
});
afterEach(async () => {
  await app.close();
  await smtp.close();
});

/** The link in the n-th mail received, with the parsed mail. */
async function mailLink(index: number, path: string) {
  await vi.waitFor(() => expect(smtp.mails.length).toBeGreaterThan(index), { timeout: 5000, interval: 20 });
  const mail = await PostalMime.parse(smtp.mails[index]!.raw);
  const link = new RegExp(`${baseUrl.replace(/\./g, '\\.')}/#/${path}\\?token=([\\w-]{43})`).exec(
    mail.text ?? '',
  );
  if (!link) throw new Error(`no ${path} link in:\n${mail.text}`);
  return { mail, token: link[1]!, envelope: smtp.mails[index]! };
}

describe('password reset', () => {
  it('emails a one-hour, single-use link that sets the password and ends every session', async () => {
    await createMember(app.store, app.deps.clock(), 'staff@sakura.example.jp', 'editor');
    const before = await loginAs(app, 'staff@sakura.example.jp');

    const asked = await app.anonymous(
      '/api/auth/password-reset',
      jsonPost({ email: 'Staff@Sakura.example.jp' }),
    );
    expect(asked.status).toBe(202);
    const { mail, token, envelope } = await mailLink(0, 'reset');
    expect(envelope.to).toEqual(['staff@sakura.example.jp']);
    expect(envelope.user).toBe('mailer');
    expect(mail.subject).toBe('flowcall パスワードの再設定 / Reset your password');
    expect(mail.html).toContain(`href="${baseUrl}/#/reset?token=${token}"`);

    const confirm = (password: string, t = token) =>
      app.anonymous('/api/auth/password-reset/confirm', jsonPost({ token: t, password }));
    expect((await confirm('short')).status).toBe(400);
    expect((await confirm('a-brand-new-password')).status).toBe(204);
    expect((await confirm('another-new-password')).status).toBe(400);
    expect((await before.request('/api/auth/me')).status).toBe(401);
    const login = (password: string) =>
      app.anonymous('/api/auth/login', jsonPost({ email: 'staff@sakura.example.jp', password }));
    expect((await login(testPassword)).status).toBe(401);
    expect((await login('a-brand-new-password')).status).toBe(200);
    // Nothing secret in the logs.
    expect(JSON.stringify(app.logger.entries)).not.toContain(token);
  });

  it('answers 202 for an unknown email and sends nothing; a link older than an hour is refused', async () => {
    expect(
      (await app.anonymous('/api/auth/password-reset', jsonPost({ email: 'nobody@example.jp' }))).status,
    ).toBe(202);
    expect(
      (await app.anonymous('/api/auth/password-reset', jsonPost({ email: 'not an email' }))).status,
    ).toBe(400);
    await createMember(app.store, app.deps.clock(), 'staff@sakura.example.jp', 'editor');
    await app.anonymous('/api/auth/password-reset', jsonPost({ email: 'staff@sakura.example.jp' }));
    const { token } = await mailLink(0, 'reset');
    expect(smtp.mails).toHaveLength(1);
    app.setTime('2026-11-24T13:00:01+09:00');
    const late = await app.anonymous(
      '/api/auth/password-reset/confirm',
      jsonPost({ token, password: 'too-late-now' }),
    );
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: string }).error).toContain('期限が切れています');
  });
});

describe('invitations', () => {
  it('invites by email; the new person sets a name and password and is logged in with the role', async () => {
    const invited = await app.request(
      '/api/workspace/invitations',
      jsonPost({ email: 'Hanako@Sakura.example.jp', role: 'operator' }),
    );
    expect(invited.status).toBe(201);
    expect(await invited.json()).toMatchObject({
      invitation: {
        email: 'hanako@sakura.example.jp',
        role: 'operator',
        expiresAt: '2026-12-01T03:00:00.000Z',
      },
      emailed: true,
    });
    const { mail, token } = await mailLink(0, 'invite');
    expect(mail.subject).toBe('flowcall「ワークスペース」への招待 / Invitation to ワークスペース');
    const listed = (await (await app.request('/api/workspace/invitations')).json()) as {
      invitations: unknown[];
    };
    expect(listed.invitations).toHaveLength(1);

    const accept = (body: Record<string, unknown>) =>
      app.anonymous('/api/auth/invitations/accept', jsonPost({ token, ...body }));
    expect((await accept({ password: 'hanako-password' })).status).toBe(400);
    expect((await accept({ name: '佐藤 花子', password: 'short' })).status).toBe(400);
    const joined = await accept({ name: '佐藤 花子', password: 'hanako-password' });
    expect(joined.status).toBe(200);
    const view = (await joined.json()) as { user: unknown; workspace: unknown; csrfToken: string };
    expect(view.user).toMatchObject({ email: 'hanako@sakura.example.jp', name: '佐藤 花子' });
    expect(view.workspace).toEqual({ id: 'default', name: 'ワークスペース', role: 'operator' });
    const hanako = sessionClient(app, cookieOf(joined), view.csrfToken);
    expect((await hanako.request('/api/contacts')).status).toBe(200);
    expect((await hanako.request('/api/flows/restaurant', { method: 'DELETE' })).status).toBe(403);
    // Used once.
    expect((await accept({ name: '誰か', password: 'someone-else-pw' })).status).toBe(400);
  });

  it('lets an existing user accept only while logged in as the invited email, and never demotes', async () => {
    const other = await app.store.accounts.workspaces.create('第二医院', '2026-11-24T03:00:00Z');
    await createMember(app.store, app.deps.clock(), 'taro@sakura.example.jp', 'editor', other.id);
    await createMember(app.store, app.deps.clock(), 'jiro@sakura.example.jp', 'editor');
    await app.request(
      '/api/workspace/invitations',
      jsonPost({ email: 'taro@sakura.example.jp', role: 'viewer' }),
    );
    const { token } = await mailLink(0, 'invite');

    const anonymous = await app.anonymous('/api/auth/invitations/accept', jsonPost({ token }));
    expect(anonymous.status).toBe(401);
    const jiro = await loginAs(app, 'jiro@sakura.example.jp');
    expect((await jiro.request('/api/auth/invitations/accept', jsonPost({ token }))).status).toBe(401);
    const taro = await loginAs(app, 'taro@sakura.example.jp');
    expect(
      (await taro.request('/api/auth/invitations/accept', jsonPost({ token }), { csrf: false })).status,
    ).toBe(403);
    const accepted = await taro.request('/api/auth/invitations/accept', jsonPost({ token }));
    expect(accepted.status).toBe(200);
    expect(((await accepted.json()) as { workspaces: unknown[] }).workspaces).toEqual([
      { id: 'default', name: 'ワークスペース', role: 'viewer' },
      { id: other.id, name: '第二医院', role: 'editor' },
    ]);
    expect((await (await taro.request('/api/auth/me')).json()) as { workspace: unknown }).toMatchObject({
      workspace: { id: 'default', role: 'viewer' },
    });
  });

  it('returns the link when no mail can be sent, refuses a member and lets the owner withdraw it', async () => {
    await app.close();
    app = await testApp();
    const created = await app.request(
      '/api/workspace/invitations',
      jsonPost({ email: 'a@example.jp', role: 'editor' }),
    );
    const body = (await created.json()) as { emailed: boolean; link: string; invitation: { id: string } };
    expect(body.emailed).toBe(false);
    expect(body.link).toMatch(new RegExp(`^${baseUrl}/#/invite\\?token=[\\w-]{43}$`));
    expect(
      (
        await app.request(
          '/api/workspace/invitations',
          jsonPost({ email: 'owner@flowcall.test', role: 'viewer' }),
        )
      ).status,
    ).toBe(409);
    expect(
      (await app.request('/api/workspace/invitations', jsonPost({ email: 'b@example.jp', role: 'boss' })))
        .status,
    ).toBe(400);
    const withdraw = () =>
      app.request(`/api/workspace/invitations/${body.invitation.id}`, { method: 'DELETE' });
    expect((await withdraw()).status).toBe(204);
    expect((await withdraw()).status).toBe(404);
    const token = new URL(body.link.replace('#/invite', 'invite')).searchParams.get('token');
    const accept = await app.anonymous(
      '/api/auth/invitations/accept',
      jsonPost({ token, name: 'A', password: 'a-password-1' }),
    );
    expect(accept.status).toBe(400);
  });
});
