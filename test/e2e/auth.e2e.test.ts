/**
 * Logging in, in the browser, as staff do it: the login screen by keyboard (focus on the email,
 * Enter submits, a wrong password refused with a message read out), the page asked for before
 * logging in reached after it, the account menu (workspace, role, logout), too many failures
 * paused with the wait, and a session that ends while the editor is open logged into again
 * over the page. The server is the real one; its owner comes from FLOWCALL_OWNER_*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eOwner, type Harness, openHarness } from './harness.ts';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await openHarness({ login: false });
  page = h.page;
});
afterAll(() => h.close());

/**
 * Console problems other than the refusals this file provokes: Chromium logs every non-2xx
 * fetch, and a logged-out editor's "who am I" (401), a wrong password (401) and a paused login
 * (429) are answers the screens show.
 */
const unprovoked = () =>
  h.consoleProblems.filter(
    (p) => !/Failed to load resource: the server responded with a status of (401|429)\b/.test(p),
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

  it('shows the workspace and role in the account menu, and logs out to the login screen', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByText('テスト オーナー').waitFor();
    await page.getByText('あなたの役割: オーナー').waitFor();
    await page.getByRole('button', { name: 'ログアウト' }).click();
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
