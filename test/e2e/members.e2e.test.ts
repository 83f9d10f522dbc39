/**
 * Members and API tokens in the browser: the owner invites a colleague as a viewer through
 * メンバー (the invitation emailed by the real server through a real SMTP server on 127.0.0.1),
 * the colleague accepts it at another computer and sees only what a viewer may — no 保存 / 公開,
 * no new flow, a read-only canvas and form, no members page — until the owner makes them an
 * editor; the last owner cannot demote themself (the server's words shown); a removed member's
 * open editor asks for a login that no longer gets in. An API token is shown once, copied, works
 * with its scopes only, and stops working when revoked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSmtpServer, startFakeSmtp } from '../../runtime/effects/channels/testing/fake-smtp.ts';
import { openStore } from '../../runtime/store/create-store.ts';
import { e2eOwner, type Harness, openHarness } from './harness.ts';

let h: Harness;
let owner: Page;
let colleague: Page;
let smtp: FakeSmtpServer;
/** A database file (not :memory:), so the test can give the owner a second workspace. */
let dataDir: string;
const colleagueEmail = 'hanako@sakura.example.jp';
const colleaguePassword = 'sakura-uketsuke-2026';

beforeAll(async () => {
  smtp = await startFakeSmtp();
  dataDir = mkdtempSync(join(tmpdir(), 'flowcall-e2e-members-'));
  h = await openHarness({
    env: { FLOWCALL_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DATABASE_URL: join(dataDir, 'flowcall.db') },
  });
  owner = h.page;
  await owner.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});
afterAll(async () => {
  await h.close();
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The editor's route (#/…) of the link in the n-th mail, opened on this server. */
async function linkInMail(index: number, route: string): Promise<string> {
  await expect.poll(() => smtp.mails.length, { timeout: 5000 }).toBeGreaterThan(index);
  const mail = await PostalMime.parse(smtp.mails[index]!.raw);
  const hash = new RegExp(`#/${route}\\?token=[\\w-]+`).exec(mail.text ?? '')?.[0];
  if (!hash) throw new Error(`no ${route} link in:\n${mail.text}`);
  return `${h.server.url}/${hash}`;
}

const memberRow = (email: string) => owner.locator(`[data-testid="members"] tr[data-member="${email}"]`);
const unprovoked = (allowed: RegExp) => h.consoleProblems.filter((p) => !allowed.test(p));

describe('members', () => {
  it('lists the owner on the members page, reached from the account menu', async () => {
    await owner.goto(`${h.server.url}/#/flows`);
    await owner.getByTestId('account-menu').click();
    await owner.getByRole('link', { name: 'メンバーと API トークン' }).click();
    await owner.getByRole('heading', { name: 'メンバーと API トークン', level: 1 }).waitFor();
    const me = memberRow('owner@flowcall.test');
    await me.getByText('あなた').waitFor();
    expect(await me.getByRole('combobox').inputValue()).toBe('owner');
  });

  it('invites a colleague by email as a viewer', async () => {
    const form = owner.locator('form', { has: owner.getByRole('button', { name: '招待する' }) });
    await form.getByLabel('メールアドレス').fill(colleagueEmail);
    await form.getByLabel('役割').selectOption({ label: '閲覧者' });
    await form.getByText('見るだけ（変更はできません）').waitFor();
    await form.getByRole('button', { name: '招待する' }).click();
    await owner.getByText(`${colleagueEmail} に招待のメールを送りました。`).waitFor();
    const pending = owner.locator(`[data-testid="invitations"] tr[data-invitation="${colleagueEmail}"]`);
    await pending.getByText('閲覧者').waitFor();
    expect(smtp.mails[0]?.to).toEqual([colleagueEmail]);
  });

  it('lets the colleague accept at another computer and shows a viewer no way to change anything', async () => {
    colleague = await h.newPage();
    await colleague.goto(await linkInMail(0, 'invite'));
    await colleague.getByRole('heading', { name: 'ワークスペースへの招待' }).waitFor();
    await colleague.getByLabel('お名前').fill('佐藤 花子');
    await colleague.getByLabel('パスワード', { exact: true }).fill('short');
    await colleague.getByRole('button', { name: 'アカウントを作って招待を受ける' }).click();
    await colleague.getByText('パスワードは10文字以上にしてください。').waitFor();
    await colleague.getByLabel('パスワード', { exact: true }).fill(colleaguePassword);
    await colleague.getByLabel('パスワード（確認のためもう一度）').fill(colleaguePassword);
    await colleague.getByRole('button', { name: 'アカウントを作って招待を受ける' }).click();

    await colleague.getByRole('heading', { name: '通話フロー', level: 1 }).waitFor();
    expect(await colleague.getByTestId('account-menu').textContent()).toContain('閲覧者');
    expect(await colleague.getByRole('link', { name: 'メンバー' }).count()).toBe(0);
    expect(await colleague.getByTestId('new-flow').count()).toBe(0);
    expect(await colleague.getByRole('button', { name: '削除' }).count()).toBe(0);

    await colleague.getByRole('link', { name: '和食処 みやび 代表' }).click();
    await colleague.locator('.react-flow__node').first().waitFor();
    await colleague.getByTestId('read-only').getByText('閲覧のみ').waitFor();
    expect(await colleague.getByTestId('save-flow').count()).toBe(0);
    expect(await colleague.getByTestId('publish-flow').count()).toBe(0);
    expect(await colleague.getByRole('button', { name: '元に戻す' }).count()).toBe(0);
    expect(await colleague.locator('fieldset.plain-fieldset').getAttribute('disabled')).not.toBeNull();

    await colleague.goto(`${h.server.url}/#/history`);
    await colleague.getByRole('heading', { name: '通話履歴', level: 1 }).waitFor();
    expect(await colleague.getByRole('button', { name: 'すべての履歴を削除' }).count()).toBe(0);
    await colleague.goto(`${h.server.url}/#/numbers`);
    await colleague.getByRole('heading', { name: '電話番号', level: 1 }).waitFor();
    expect(await colleague.getByRole('button', { name: '番号を追加' }).count()).toBe(0);
    await colleague.goto(`${h.server.url}/#/members`);
    await colleague.getByText('このページを開く権限がありません（あなたの役割: 閲覧者）。').waitFor();
  });

  it('makes the colleague an editor, who then can save and publish', async () => {
    await owner.reload();
    await memberRow(colleagueEmail).getByRole('combobox').selectOption({ label: '編集者' });
    await owner.getByText('佐藤 花子 の役割を「編集者」にしました。').waitFor();
    await colleague.goto(`${h.server.url}/#/flows/restaurant`);
    await colleague.reload();
    await colleague.getByTestId('save-flow').waitFor();
    await colleague.getByTestId('publish-flow').waitFor();
    expect(await colleague.getByTestId('account-menu').textContent()).toContain('編集者');
  });

  it('keeps the last owner, in the server’s words', async () => {
    await memberRow('owner@flowcall.test').getByRole('combobox').selectOption({ label: '閲覧者' });
    await owner
      .getByRole('alert')
      .getByText('最後のオーナーは外せません。先に別のメンバーをオーナーにしてください。')
      .waitFor();
    await expect
      .poll(() => memberRow('owner@flowcall.test').getByRole('combobox').inputValue())
      .toBe('owner');
  });

  it('removes the colleague, whose open editor then cannot get back in', async () => {
    await memberRow(colleagueEmail)
      .getByRole('button', { name: '佐藤 花子 をワークスペースから外す' })
      .click();
    const dialog = owner.getByRole('dialog', { name: 'メンバーを外す' });
    await dialog.getByRole('button', { name: '外す' }).click();
    await owner.getByText('佐藤 花子 をワークスペースから外しました。').waitFor();
    await memberRow(colleagueEmail).waitFor({ state: 'detached' });

    // The colleague's next request finds the session gone: the login shows over the page.
    await colleague.getByRole('button', { name: '履歴' }).click();
    const login = colleague.getByRole('dialog', { name: 'もう一度ログインしてください' });
    await login.waitFor();
    expect(await login.getByLabel('メールアドレス').inputValue()).toBe(colleagueEmail);
    await login.getByLabel('パスワード').fill(colleaguePassword);
    await login.getByRole('button', { name: 'ログイン' }).click();
    await login.getByRole('alert').getByText('どのワークスペースにも所属していません').waitFor();
  });

  it('revokes an invitation no one answered', async () => {
    const form = owner.locator('form', { has: owner.getByRole('button', { name: '招待する' }) });
    await form.getByLabel('メールアドレス').fill('temp@sakura.example.jp');
    await form.getByRole('button', { name: '招待する' }).click();
    const pending = owner.locator('[data-testid="invitations"] tr[data-invitation="temp@sakura.example.jp"]');
    await pending.getByText('編集者').waitFor();
    await pending.getByRole('button', { name: 'temp@sakura.example.jp への招待を取り消す' }).click();
    await owner.getByText('temp@sakura.example.jp への招待を取り消しました。').waitFor();
    await pending.waitFor({ state: 'detached' });
  });
});

describe('API tokens', () => {
  let token = '';

  it('shows a new token once, with a copy button and a warning', async () => {
    const form = owner.locator('form', { has: owner.getByRole('button', { name: 'トークンを作る' }) });
    await form.getByRole('button', { name: 'トークンを作る' }).click();
    await form.getByText('トークンの名前を入力してください。').waitFor();
    await form.getByLabel('トークンの名前').fill('売上ダッシュボード');
    await form.getByRole('checkbox', { name: /通話履歴と集計を見る/ }).check();
    await form.getByRole('checkbox', { name: /通話履歴を書き出す/ }).check();
    await form.getByRole('button', { name: 'トークンを作る' }).click();

    const dialog = owner.getByRole('dialog', { name: 'API トークンを作りました' });
    await dialog.getByText('このトークンが表示されるのは今だけです。').waitFor();
    token = await dialog.getByTestId('new-api-token').inputValue();
    expect(token).toMatch(/^[\w-]{40,}$/);
    await dialog.getByRole('button', { name: 'トークンをコピー' }).click();
    await dialog.getByText('コピーしました').waitFor();
    expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await dialog.getByRole('button', { name: '保存したので閉じる' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = owner.locator('[data-testid="api-tokens"] tr[data-token="売上ダッシュボード"]');
    await row.getByText('通話履歴を書き出す（CSV・JSON）').waitFor();
    await row.getByText('未使用').waitFor();
    // Never shown again: not on the page, not in the list the API gives.
    expect(await owner.content()).not.toContain(token);
    expect(JSON.stringify(await h.api('GET', '/workspace/tokens'))).not.toContain(token);
  });

  it('works for what it may do only, and not at all once revoked', async () => {
    const call = (path: string) =>
      fetch(`${h.server.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call('/history/calls')).status).toBe(200);
    expect((await call('/flows')).status).toBe(403);

    await owner.reload();
    const row = owner.locator('[data-testid="api-tokens"] tr[data-token="売上ダッシュボード"]');
    await row.getByText('未使用').waitFor({ state: 'detached' });
    await row.getByRole('button', { name: 'トークン「売上ダッシュボード」を無効にする' }).click();
    await owner
      .getByRole('dialog', { name: 'API トークンを無効にする' })
      .getByRole('button', { name: '無効にする' })
      .click();
    await owner.getByText('トークン「売上ダッシュボード」を無効にしました。').waitFor();
    await row.getByText(/^無効（/).waitFor();
    expect((await call('/history/calls')).status).toBe(401);
  });
});

describe('several workspaces', () => {
  it('switches between the workspaces a user belongs to, with the role in each', async () => {
    // No API makes a workspace yet: the second company is added to the database directly.
    const store = await openStore(join(dataDir, 'flowcall.db'));
    try {
      const at = new Date().toISOString();
      const branch = await store.accounts.workspaces.create('みやび 2号店', at);
      const me = await store.accounts.users.byEmail('owner@flowcall.test');
      await store.accounts.memberships.put(branch.id, me!.id, 'editor', at);
    } finally {
      await store.close();
    }
    await owner.goto(`${h.server.url}/#/history`);
    await owner.reload();
    await owner.getByTestId('account-menu').click();
    const switcher = owner.getByRole('group', { name: 'ワークスペースを切り替える' });
    await switcher.getByRole('button', { name: /みやび 2号店/ }).click();
    await owner.getByRole('heading', { name: '通話フロー', level: 1 }).waitFor();
    await expect.poll(() => owner.getByTestId('account-menu').textContent()).toContain('みやび 2号店');
    expect(await owner.getByTestId('account-menu').textContent()).toContain('編集者');
    // An editor there: no members page in the header.
    expect(await owner.getByRole('link', { name: 'メンバー' }).count()).toBe(0);

    // And back to the first, where this user is the owner.
    await owner.getByTestId('account-menu').click();
    await switcher.getByRole('button', { name: /^ワークスペース/ }).click();
    await expect.poll(() => owner.getByTestId('account-menu').textContent()).toContain('オーナー');
    await owner.getByRole('link', { name: 'メンバー' }).waitFor();

    // The session ends: logging in again over the page returns to this workspace (not to the
    // first by name, where a login lands) and stays on this page.
    await owner.context().clearCookies();
    await owner.getByRole('link', { name: '電話番号' }).click();
    const login = owner.getByRole('dialog', { name: 'もう一度ログインしてください' });
    await login.getByLabel('パスワード').fill(e2eOwner.password);
    await login.getByRole('button', { name: 'ログイン' }).click();
    await login.waitFor({ state: 'detached' });
    await expect.poll(() => owner.getByTestId('account-menu').textContent()).toContain('オーナー');
    expect(new URL(owner.url()).hash).toBe('#/numbers');
    expect(await owner.getByTestId('account-menu').textContent()).not.toContain('みやび 2号店');
  });
});

describe('the members page', () => {
  it('has no console errors but the refusals the test provoked', () => {
    // The last owner's demotion (409) and the removed member's requests (401, 403) are answers
    // the pages show; Chromium logs every non-2xx fetch.
    expect(
      unprovoked(/Failed to load resource: the server responded with a status of (401|403|409)\b/),
    ).toEqual([]);
  });
});
