/**
 * Logging in, in the browser, as staff do it: the login screen by keyboard (focus on the email,
 * Enter submits, a wrong password refused with a message read out), the page asked for before
 * logging in reached after it, the account menu (workspace, role, logout), too many failures
 * paused with the wait, a session that ends while the editor is open logged into again over the
 * page with the unsaved work kept, a forgotten password reset through the emailed link, English,
 * and the very first start's setup link. The server is the real one; its owner comes from
 * FLOWCALL_OWNER_*, its mail goes to a real SMTP server on 127.0.0.1.
 */
import type { Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSmtpServer, startFakeSmtp } from '../../runtime/effects/channels/testing/fake-smtp.ts';
import { e2eOwner, type Harness, openHarness } from './harness.ts';

let h: Harness;
let page: Page;
let smtp: FakeSmtpServer;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  h = await openHarness({ login: false, env: { FLOWCALL_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` } });
  page = h.page;
});
afterAll(async () => {
  await h.close();
  await smtp.close();
});

/**
 * Console problems other than the refusals this file provokes: Chromium logs every non-2xx
 * fetch, and a logged-out editor's "who am I" (401), a wrong password (401), a paused login
 * (429) and a spent reset link (400) are answers the screens show.
 */
const unprovoked = () =>
  h.consoleProblems.filter(
    (p) => !/Failed to load resource: the server responded with a status of (400|401|429)\b/.test(p),
  );

const focusedLabel = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent ?? el?.tagName ?? '';
  });

describe('the login screen', () => {
  it('sends someone logged out to the login, which refuses a wrong password by keyboard', async () => {
    await page.goto(`${h.server.url}/#/history`);
    await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/login?next=%2Fhistory');
    // The editor's navigation is not there before logging in.
    expect(await page.getByRole('link', { name: '通話履歴' }).count()).toBe(0);
    expect(await focusedLabel()).toBe('メールアドレス');

    await page.keyboard.type(e2eOwner.email);
    await page.keyboard.press('Tab');
    expect(await focusedLabel()).toBe('パスワード');
    await page.keyboard.type('not the password');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.getByText('メールアドレスまたはパスワードが違います。').waitFor();
    // Typed again: the password is emptied and has the focus, the email stays.
    expect(await page.getByLabel('パスワード').inputValue()).toBe('');
    expect(await page.getByLabel('メールアドレス').inputValue()).toBe(e2eOwner.email);
    expect(await focusedLabel()).toBe('パスワード');
  });

  it('logs in by keyboard and returns to the page asked for', async () => {
    await page.keyboard.type(e2eOwner.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '通話履歴', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/history');
    const menu = page.getByTestId('account-menu');
    expect(await menu.textContent()).toContain('オーナー');
  });

  it('shows the workspace and role in the account menu, and logs out to the login screen by keyboard', async () => {
    const button = page.getByTestId('account-menu');
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByText('テスト オーナー').waitFor();
    await page.getByText('あなたの役割: オーナー').waitFor();
    // Escape closes the menu and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await page.getByText('テスト オーナー').waitFor({ state: 'detached' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('メンバーと API トークン');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('ログアウト');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/login');
    // The session is over on the server too.
    expect((await page.request.get(`${h.server.url}/api/flows`)).status()).toBe(401);
  });

  it('lands on the flows after a plain login', async () => {
    await page.getByLabel('メールアドレス').fill(e2eOwner.email);
    await page.getByLabel('パスワード').fill(e2eOwner.password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.getByRole('heading', { name: '通話フロー', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/flows');
    expect(unprovoked()).toEqual([]);
  });
});

describe('staying logged in', () => {
  it('asks for the login again over the page when the session ends, keeping the unsaved change', async () => {
    await page.goto(`${h.server.url}/#/flows/restaurant`);
    await page.locator('.react-flow__node').first().waitFor();
    const name = page.getByRole('form', { name: 'フローの設定' }).getByRole('textbox', { name: /^フロー名/ });
    await name.fill('和食処 みやび 代表（新）');
    await page.getByTestId('save-status').getByText('未保存の変更があります').waitFor();

    // The session ends elsewhere (expired, or logged out in another tab).
    await page.context().clearCookies();
    await page.getByTestId('save-flow').click();
    const login = page.getByRole('dialog', { name: 'もう一度ログインしてください' });
    await login.waitFor();
    expect(await login.getByLabel('メールアドレス').inputValue()).toBe(e2eOwner.email);
    expect(await focusedLabel()).toBe('パスワード');
    await page.keyboard.type(e2eOwner.password);
    await page.keyboard.press('Enter');
    await login.waitFor({ state: 'detached' });

    // Still the same page with the change, which saves now.
    expect(await name.inputValue()).toBe('和食処 みやび 代表（新）');
    await page.getByTestId('save-flow').click();
    await page.getByTestId('save-status').getByText('保存済み').waitFor();
    const stored = await page.request.get(`${h.server.url}/api/flows/restaurant`);
    expect(((await stored.json()) as { name: string }).name).toBe('和食処 みやび 代表（新）');
  });
});

describe('too many failed logins', () => {
  it('pauses logging in, saying how long to wait', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { name: 'ログイン', level: 1 }).waitFor();
    // An address with no account: its five failures pause it as they would a real one.
    await page.getByLabel('メールアドレス').fill('guess@flowcall.test');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('パスワード').fill(`guess-${attempt}`);
      await page.keyboard.press('Enter');
      await page.getByRole('alert').getByText('メールアドレスまたはパスワードが違います。').waitFor();
      await page.getByLabel('パスワード').and(page.locator(':focus')).waitFor();
    }
    await page.getByLabel('パスワード').fill('guess-6');
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(
        'ログインの失敗が続いたため、一時的にログインできません。約15分待ってから、もう一度お試しください。',
      )
      .waitFor();
  });
});

describe('a forgotten password', () => {
  it('is reset through the emailed link, and the new one logs in', async () => {
    await page.getByRole('link', { name: 'パスワードをお忘れの方' }).click();
    await page.getByRole('heading', { name: 'パスワードの再設定', level: 1 }).waitFor();
    expect(await focusedLabel()).toBe('メールアドレス');
    await page.keyboard.type(e2eOwner.email);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(`${e2eOwner.email} 宛てに再設定のリンクを送りました`).waitFor();

    await expect.poll(() => smtp.mails.length, { timeout: 5000 }).toBe(1);
    const mail = await PostalMime.parse(smtp.mails[0]!.raw);
    const hash = /#\/reset\?token=[\w-]+/.exec(mail.text ?? '')?.[0];
    expect(hash).toBeDefined();
    await page.goto(`${h.server.url}/${hash}`);
    await page.getByRole('heading', { name: '新しいパスワードの設定', level: 1 }).waitFor();
    await page.getByLabel('新しいパスワード', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('パスワード（確認のためもう一度）').fill('a-brand-new-passwort');
    await page.keyboard.press('Enter');
    await page.getByText('確認のパスワードが一致しません。').waitFor();
    await page.getByLabel('パスワード（確認のためもう一度）').fill('a-brand-new-password');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('パスワードを変更しました。').waitFor();

    // The link works once.
    await page.reload();
    await page.getByLabel('新しいパスワード', { exact: true }).fill('yet-another-password');
    await page.getByLabel('パスワード（確認のためもう一度）').fill('yet-another-password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('リンクが無効か、期限が切れています。').waitFor();

    await page.getByRole('link', { name: 'ログイン画面に戻る' }).click();
    await page.getByLabel('メールアドレス').fill(e2eOwner.email);
    await page.getByLabel('パスワード').fill('a-brand-new-password');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '通話フロー', level: 1 }).waitFor();
  });
});

describe('in English', () => {
  it('shows the login screen and its refusal in English, with no console errors but the refusals', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('button', { name: '表示言語' }).click();
    await page.getByRole('heading', { name: 'Log in', level: 1 }).waitFor();
    await page.getByLabel('Email').fill(e2eOwner.email);
    await page.getByLabel('Password').fill('not the password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('The email or the password is wrong.').waitFor();
    expect(unprovoked()).toEqual([]);
  });
});

describe('the first start', () => {
  let first: Harness;
  beforeAll(async () => {
    // No FLOWCALL_OWNER_*: the server prints a one-time setup link instead.
    first = await openHarness({
      login: false,
      env: { FLOWCALL_OWNER_EMAIL: '', FLOWCALL_OWNER_PASSWORD: '' },
    });
  });
  afterAll(() => first.close());

  it('creates the owner through the printed setup link, once', async () => {
    const link = /#\/setup\?token=[\w-]+/.exec(first.server.loginHint)?.[0];
    expect(link).toBeDefined();
    const setup = first.page;
    await setup.goto(`${first.server.url}/${link}`);
    await setup.getByRole('heading', { name: 'はじめの設定', level: 1 }).waitFor();
    await setup.getByLabel('お名前').fill('山田 太郎');
    await setup.getByLabel('メールアドレス').fill('taro@miyabi.example.jp');
    await setup.getByLabel('会社・お店の名前').fill('和食処 みやび');
    await setup.getByLabel('パスワード', { exact: true }).fill('miyabi-owner-2026');
    await setup.getByLabel('パスワード（確認のためもう一度）').fill('miyabi-owner-2026');
    await setup.getByRole('button', { name: 'オーナーとして登録して始める' }).click();
    await setup.getByRole('heading', { name: '通話フロー', level: 1 }).waitFor();
    const menu = setup.getByTestId('account-menu');
    expect(await menu.textContent()).toContain('和食処 みやび');
    expect(await menu.textContent()).toContain('オーナー');

    // The link is spent: a second visit is told to log in.
    const again = await first.newPage();
    await again.goto(`${first.server.url}/${link}`);
    await again.getByLabel('お名前').fill('誰か');
    await again.getByLabel('メールアドレス').fill('someone@example.jp');
    await again.getByLabel('パスワード', { exact: true }).fill('someone-else-2026');
    await again.getByLabel('パスワード（確認のためもう一度）').fill('someone-else-2026');
    await again.getByRole('button', { name: 'オーナーとして登録して始める' }).click();
    await again.getByRole('alert').getByText('オーナーは登録済みです。ログインしてください。').waitFor();
    expect(await again.getByRole('heading', { name: '通話フロー' }).count()).toBe(0);
    await again.getByRole('link', { name: 'ログイン画面に戻る' }).waitFor();
    // The logged-out "who am I" (401) and the spent link (409) are the only refusals.
    const provoked = /Failed to load resource: the server responded with a status of (401|409)\b/;
    expect(first.consoleProblems.filter((p) => !provoked.test(p))).toEqual([]);
  });
});
