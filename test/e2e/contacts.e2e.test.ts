/**
 * The contact book in the browser, as an office worker uses it: import the Shift_JIS CSV Excel
 * saves (one bad row reported by its line), find a contact by company and by number, edit it
 * with the keyboard only, delete one after the question, and see the contact's name under the
 * caller number in a flow's simulator. No console errors throughout.
 */
import { Buffer } from 'node:buffer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftJis } from '../../runtime/contacts/testing/sample-csv.ts';
import { type Harness, openHarness } from './harness.ts';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await openHarness();
  page = h.page;
});
afterAll(() => h.close());

const book = [
  '氏名,会社名,電話番号1,電話番号2,備考,タグ',
  '山田 太郎,さくら商事,090-1234-5678,03(1234)5678,"配達は月曜, 午前中",取引先',
  '鈴木 花子,,０８０－１１１１－２２２２,,,',
  '名無し,,090-12,,,',
].join('\r\n');

const rows = () => page.locator('.contacts-page tbody tr');
const rowNames = () => page.locator('.contacts-page tbody th').allTextContents();

describe('the contact book', () => {
  it('imports a Shift_JIS CSV through the page and reports the bad row by its line', async () => {
    await page.goto(`${h.server.url}/#/contacts`);
    await page.getByRole('heading', { name: '連絡先', level: 1 }).waitFor();
    await page.getByText('まだ連絡先がありません').waitFor();

    await page.getByRole('button', { name: 'CSV を読み込む' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'CSV を読み込む' });
    await dialog.getByLabel('CSV ファイル').setInputFiles({
      name: '連絡先.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(shiftJis(book)),
    });
    await dialog.getByRole('button', { name: '読み込む' }).click();
    const result = dialog.getByTestId('import-result');
    await result.getByText('追加 2 件・更新 0 件・変更なし 0 件').waitFor();
    await result.getByText('4 行目: 電話番号「090-12」を読み取れません').waitFor();
    await result.getByText('文字コード: Shift_JIS').waitFor();
    await dialog.getByRole('button', { name: '閉じる' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(rowNames).toEqual(['山田 太郎', '鈴木 花子']);
  });

  it('finds a contact by company and by a number written another way', async () => {
    const search = page.getByLabel('検索');
    await search.fill('さくら');
    await expect.poll(rowNames).toEqual(['山田 太郎']);
    const row = rows().first();
    expect(await row.locator('td').nth(1).textContent()).toBe('090-1234-567803-1234-5678');
    await search.fill('0312345678');
    await expect.poll(rowNames).toEqual(['山田 太郎']);
    await search.fill('080-1111');
    await expect.poll(rowNames).toEqual(['鈴木 花子']);
    await search.fill('');
    await expect.poll(rowNames).toEqual(['山田 太郎', '鈴木 花子']);
  });

  it('edits a contact with the keyboard alone and deletes one after the question', async () => {
    await page.getByRole('button', { name: '山田 太郎 を編集' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '山田 太郎 を編集' });
    // The name field has the focus; Tab moves to the company.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('さくら商事 本店');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('「山田 太郎」を保存しました').waitFor();
    await expect.poll(() => rows().first().locator('td').first().textContent()).toBe('さくら商事 本店');

    await page.getByRole('button', { name: '鈴木 花子 を削除' }).click();
    const confirm = page.getByRole('dialog', { name: '連絡先を削除' });
    await confirm.getByRole('button', { name: '削除する' }).click();
    await page.getByText('「鈴木 花子」を削除しました').waitFor();
    await expect.poll(rowNames).toEqual(['山田 太郎']);
  });

  it("shows the contact's name under the caller number in the simulator", async () => {
    await page.goto(`${h.server.url}/#/flows/restaurant`);
    await page.getByRole('tab', { name: 'シミュレーター' }).click();
    await page.getByLabel('発信者の電話番号').fill('090-1234-5678');
    await page.getByTestId('caller-contact').getByText('連絡先: さくら商事 本店 山田 太郎').waitFor();
    await page.getByLabel('発信者の電話番号').fill('090-9999-0000');
    await page.getByTestId('caller-contact').waitFor({ state: 'detached' });
  });

  it('speaks English when asked, without console errors anywhere', async () => {
    await page.goto(`${h.server.url}/#/contacts`);
    await page.getByRole('button', { name: '表示言語' }).click();
    await page.getByRole('heading', { name: 'Contacts', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).waitFor();
    expect(h.consoleProblems).toEqual([]);
  });
});
