/**
 * Notification channels in the browser, as an office worker sets one up: a Slack channel created
 * through the 通知先 page against a loopback server standing in for Slack's incoming webhook
 * (validateChannelSettings accepts http on 127.0.0.1), a test message that arrives as Block Kit
 * with its Japanese intact, a rename with the keyboard that keeps the stored webhook URL, a
 * channel that keeps failing flagged with its error, the channel picked by name in a flow's
 * after-call summary and notify step, and deleting it after being told which flows use it.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LoopbackServer,
  type Reply,
  startLoopbackServer,
} from '../../runtime/effects/channels/testing/loopback-http.ts';
import { type Harness, openHarness } from './harness.ts';

let h: Harness;
let page: Page;
let slack: LoopbackServer;
/** What the fake Slack answers next. */
let reply: Reply = { status: 200, body: 'ok' };
const webhookPath = '/services/T0FLOWCALL/B0STAFF/secretToken0123';

beforeAll(async () => {
  slack = await startLoopbackServer(() => reply);
  h = await openHarness();
  page = h.page;
});
afterAll(async () => {
  await h.close();
  await slack.close();
});

const card = (name: string) =>
  page.locator('.channel-card', { has: page.getByRole('heading', { name, exact: true }) });
/** The webhook URL input (not the button that shows what was typed in it). */
const webhookInput = (dialog: Locator) => dialog.locator('input').and(dialog.getByLabel('Webhook URL'));
const health = (name: string) => card(name).getByTestId('channel-health');
const testResult = (name: string) => card(name).getByTestId('channel-test-result');
/** The Block Kit message of the request the fake Slack received at `index`. */
const blocksOf = (index: number) => {
  const request = slack.requests[index];
  if (!request) throw new Error(`the fake Slack received no request #${index}`);
  expect({ method: request.method, path: request.path }).toEqual({ method: 'POST', path: webhookPath });
  return JSON.parse(request.body) as {
    text: string;
    blocks: Array<{ type: string; text?: { text: string } }>;
  };
};

describe('notification channels', () => {
  it('lists the example channels as needing set-up', async () => {
    await page.goto(`${h.server.url}/#/channels`);
    await page.getByRole('heading', { name: '通知先', level: 1 }).waitFor();
    await health('受付スタッフ(Chatwork)').getByText('設定が必要です').waitFor();
    expect(await card('受付スタッフ(Chatwork)').getByText('Chatwork').count()).toBeGreaterThan(0);
  });

  it('creates a Slack channel, showing a wrong URL’s problem next to the field', async () => {
    await page.getByRole('button', { name: '通知先を追加' }).first().click();
    const dialog = page.getByRole('dialog', { name: '通知先を追加' });
    expect(await dialog.getByLabel('種類').inputValue()).toBe('slack');
    await dialog.getByLabel('名前').fill('スタッフ Slack');
    await dialog.getByLabel('ID').fill('staff-slack');
    const url = webhookInput(dialog);
    expect(await url.getAttribute('type')).toBe('password');
    await url.fill('https://example.com/services/T0/B0/x');
    // Hidden as it is typed, shown on request to check it.
    await dialog.getByRole('button', { name: '入力したWebhook URLを表示' }).click();
    expect(await url.getAttribute('type')).toBe('url');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText(/Slack の Incoming Webhook URL ?ではないようです/).waitFor();
    // The refused field takes the focus and says it is the one in trouble.
    await expect.poll(() => url.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await url.getAttribute('aria-invalid')).toBe('true');

    await url.fill(`${slack.url}${webhookPath}`);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('「スタッフ Slack」を保存しました').waitFor();
    await health('スタッフ Slack').getByText('まだ送信していません').waitFor();
    expect(slack.requests).toHaveLength(0);
  });

  it('sends a test message that arrives as Block Kit with its Japanese intact', async () => {
    await page.getByRole('button', { name: 'スタッフ Slack にテスト送信' }).click();
    await testResult('スタッフ Slack')
      .getByText('テスト通知を送りました。スタッフ Slack に届いているか確かめてください。')
      .waitFor();
    const message = blocksOf(0);
    expect(message.text).toBe('flowcall テスト通知');
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'flowcall テスト通知', emoji: true },
    });
    expect(message.blocks[1]?.text?.text).toBe(
      '通知先「スタッフ Slack」へのテスト通知です。このメッセージが届いていれば、設定は正しく動いています。',
    );
    await health('スタッフ Slack').getByText('正常に送信できています').waitFor();
  });

  it('renames the channel with the keyboard alone, keeping the webhook URL it does not show', async () => {
    await page.getByRole('button', { name: 'スタッフ Slack を編集' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'スタッフ Slack を編集' });
    await dialog.getByText('設定済み', { exact: true }).waitFor();
    expect(await webhookInput(dialog).inputValue()).toBe('');
    // The name has the focus: replace it and press Enter to save.
    expect(await dialog.getByLabel('名前').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('スタッフ（Slack）');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('「スタッフ（Slack）」を保存しました').waitFor();

    await page.getByRole('button', { name: 'スタッフ（Slack） にテスト送信' }).click();
    await testResult('スタッフ（Slack）')
      .getByText(/テスト通知を送りました/)
      .waitFor();
    expect(blocksOf(1).blocks[1]?.text?.text).toContain('通知先「スタッフ（Slack）」へのテスト通知です。');
  });

  it('flags a channel whose sends keep failing, with the last error and its time', async () => {
    reply = { status: 500, body: 'internal_error' };
    const button = page.getByRole('button', { name: 'スタッフ（Slack） にテスト送信' });
    for (const n of [1, 2, 3]) {
      await button.click();
      await testResult('スタッフ（Slack）')
        .getByText(/テスト通知を送れませんでした: .*500/)
        .waitFor();
      await expect.poll(() => slack.requests.length).toBe(2 + n);
      if (n < 3) await health('スタッフ（Slack）').getByText(`直近の送信に失敗しました（${n}回）`).waitFor();
    }
    const flagged = health('スタッフ（Slack）');
    await flagged.getByText('送信に失敗しています（3回連続）').waitFor();
    await flagged.getByText(/^最後のエラー（\d{4}年\d+月\d+日.*\d\d:\d\d）: .*500/).waitFor();
    // The channel in trouble comes first.
    expect(await page.locator('.channel-card h2').first().textContent()).toBe('スタッフ（Slack）');
  });

  it('picks the channel by name in a flow’s after-call summary and notify step, flagged as failing', async () => {
    await page.goto(`${h.server.url}/#/flows/clinic-after-hours`);
    const inspector = page.getByTestId('inspector');
    const summaryOn = inspector.getByLabel('通話が終わったら、まとめを通知する');
    await summaryOn.check();
    const failing = '⚠ スタッフ（Slack）（送信に失敗しています）';
    await inspector.getByLabel('通知先').selectOption({ label: failing });
    await inspector.getByText('この通知先への送信が続けて失敗しています').waitFor();
    await inspector.getByLabel('文字起こしを待つ時間（秒）').fill('120');
    await inspector.getByLabel('知らない番号を連絡先に保存').check();

    await page.getByTestId('node-notify-staff').locator('.fc-node-title').click();
    const step = inspector.getByLabel('通知先');
    expect(await step.locator('option:checked').textContent()).toBe('受付スタッフ(Chatwork)（未設定）');
    await step.selectOption({ label: failing });
    await inspector.getByText('この通知先への送信が続けて失敗しています').waitFor();

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('保存しました').first().waitFor();
    const stored = await h.api<{
      draft: {
        afterCallSummary?: unknown;
        saveUnknownCallers?: boolean;
        nodes: Array<{ id: string; params: { channel?: string } }>;
      };
    }>('GET', '/flows/clinic-after-hours');
    expect(stored.draft.afterCallSummary).toEqual({ channel: 'staff-slack', waitSeconds: 120 });
    expect(stored.draft.saveUnknownCallers).toBe(true);
    expect(stored.draft.nodes.find((n) => n.id === 'notify-staff')?.params.channel).toBe('staff-slack');
  });

  it('names the flows that use a channel before deleting it', async () => {
    await page.goto(`${h.server.url}/#/channels`);
    await page.getByRole('button', { name: 'スタッフ（Slack） を削除' }).click();
    const confirm = page.getByRole('dialog', { name: '通知先を削除' });
    const uses = confirm.getByTestId('channel-uses');
    await uses.getByRole('link', { name: 'やまもと内科クリニック 代表' }).waitFor();
    await uses.getByText('通知の手順: 受付へ通知 / 通話後のまとめ').waitFor();
    await confirm.getByRole('button', { name: '削除する' }).click();
    await page.getByText('「スタッフ（Slack）」を削除しました').waitFor();
    await card('スタッフ（Slack）').waitFor({ state: 'detached' });
  });

  it('speaks English when asked, with no console errors but the refusals the test provoked', async () => {
    await page.getByRole('button', { name: '表示言語' }).click();
    await page.getByRole('heading', { name: 'Notification channels', level: 1 }).waitFor();
    await health('受付スタッフ(Chatwork)').getByText('Needs setting up').waitFor();
    // The 422 of the wrong URL and the 502s of the failing sends are answers the page shows;
    // Chromium logs every non-2xx fetch, so only those are let through.
    const provoked = /Failed to load resource: the server responded with a status of (422|502)\b/;
    expect(h.consoleProblems.filter((p) => !provoked.test(p))).toEqual([]);
  });
});
