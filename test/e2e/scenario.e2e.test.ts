/**
 * The whole job of a customer, in the browser, with the mouse and the forms only: create a blank
 * flow, drag steps from the palette onto the canvas, connect their ports, fill in the inspector,
 * watch the problems list empty, save, try the flow in the simulator on a public holiday and on a
 * weekday (different paths light up), publish, and check through the API that the published
 * version is exactly what was drawn.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, openHarness } from './harness.ts';
import { canvasPoint, connectPort, dropStep, edgeMark, moveStep, stepMark } from './scenario-canvas.ts';
import { connections, drawnFlow, flowId, flowName, scheduleOption, steps, texts } from './scenario-flow.ts';

let h: Harness;
let page: Page;
beforeAll(async () => {
  h = await openHarness();
  page = h.page;
});
afterAll(() => h.close());

const inspector = () => page.getByTestId('inspector');
const summary = () => page.getByTestId('problems-summary');
const problemTexts = () => page.getByTestId('problem').locator('.problem-message').allTextContents();

async function createBlankFlow(): Promise<void> {
  await page.goto(`${h.server.url}/#/flows`);
  await page.getByRole('heading', { name: '通話フロー' }).waitFor();
  await page.getByTestId('new-flow').click();
  const dialog = page.getByRole('dialog', { name: '新しいフロー' });
  await dialog.getByLabel('フローの名前').fill(flowName);
  await dialog.getByLabel('ID(英数字)').fill(flowId);
  await dialog.getByRole('radio', { name: /白紙/ }).check();
  await dialog.getByRole('button', { name: '作成して開く' }).click();
  await page.waitForURL(`**/#/flows/${flowId}`);
  await page.getByTestId('node-greeting').waitFor();
  await expect.poll(() => summary().textContent()).toBe('問題はありません');
}

/** Selects a step by clicking it on the canvas and waits for its form (titled with its name). */
async function openForm(id: string, name = id): Promise<void> {
  await page.getByTestId(`node-${id}`).locator('.fc-node-title').click();
  await formOf(name).waitFor();
}

/** The inspector's form of the step shown as `name` (its label, else its id). */
const formOf = (name: string) => inspector().getByRole('form', { name: new RegExp(`${name}$`) });
const field = (label: string) => inspector().getByLabel(label);

interface StepForm {
  kind: string;
  /** Where it is dropped, as fractions of the canvas. */
  at: [number, number];
  id: string;
  fill(): Promise<void>;
}

/** A step whose form needs only its label and one text. */
const labelAndText = (
  kind: string,
  at: [number, number],
  step: { id: string; label: string },
  textField: string,
  text: string,
): StepForm => ({
  kind,
  at,
  id: step.id,
  async fill() {
    await field('表示名').fill(step.label);
    await field(textField).fill(text);
  },
});

/** What each dropped step's form is filled with, right after it lands (it is selected then). */
const forms: StepForm[] = [
  {
    kind: 'hours',
    at: [0.5, 0.25],
    id: steps.hours.id,
    async fill() {
      // A fresh hours step has no schedule yet, and its connections are judged all the same.
      await expect
        .poll(problemTexts)
        .toEqual([
          '「営業時間表」が入力されていません。',
          '「営業中」がどこにもつながっていません。',
          '「時間外」がどこにもつながっていません。',
          'この手順には、どの電話もたどり着きません。',
        ]);
      expect(await summary().textContent()).toBe('エラー 3件・警告 1件');
      await field('表示名').fill(steps.hours.label);
      await field('営業時間表').selectOption({ label: scheduleOption });
      // Chosen: only the connections are left to do.
      await expect.poll(() => summary().textContent()).toBe('エラー 2件・警告 1件');
    },
  },
  ...(
    [
      [steps.open, 0.25, texts.openPrompt, ['受付につなぐ', '予約フォーム']],
      [steps.closed, 0.75, texts.closedPrompt, ['予約フォーム', '伝言を残す']],
    ] as const
  ).map(([step, fx, prompt, options]) => ({
    kind: 'menu',
    at: [fx, 0.45] as [number, number],
    id: step.id,
    async fill() {
      await field('表示名').fill(step.label);
      await field('案内文').fill(prompt);
      for (const [i, text] of options.entries()) await field(`選択肢 ${i + 1}: 内容`).fill(text);
    },
  })),
  {
    kind: 'transfer',
    at: [0.15, 0.67],
    id: steps.transfer.id,
    async fill() {
      // The empty number does not hide the rest: the steps dropped before are still unconnected.
      await expect
        .poll(problemTexts)
        .toEqual(
          expect.arrayContaining([
            '「電話番号」が入力されていません。',
            '「営業中」がどこにもつながっていません。',
          ]),
        );
      await field('表示名').fill(steps.transfer.label);
      const number = field('転送先 1: 電話番号');
      await number.fill('0312345678');
      await field('転送先 1: 名前').fill('受付');
      // Leaving the number field writes it the usual Japanese way.
      await expect.poll(() => number.inputValue()).toBe('03-1234-5678');
    },
  },
  labelAndText('sms', [0.48, 0.67], steps.sms, '本文', texts.sms),
  labelAndText('record', [0.8, 0.67], steps.voicemail, '案内文', texts.voicemail),
];

/**
 * Zooms out twice with the canvas controls so the whole flow fits, moves the greeting to the top,
 * then drops every step from the palette and fills its form.
 */
async function drawSteps(): Promise<void> {
  const zoomOut = page.getByRole('button', { name: '縮小' });
  await zoomOut.click();
  await zoomOut.click();
  await expect
    .poll(() => page.locator('.react-flow__viewport').evaluate((el) => el.style.transform))
    .toMatch(/scale\(0\.69\d*\)/);
  await moveStep(page, 'greeting', await canvasPoint(page, 0.5, 0.06));
  await openForm('greeting');
  await field('表示名').fill(steps.greeting.label);
  await field('読み上げる文').fill(texts.greeting);

  for (const form of forms) {
    expect(await dropStep(page, form.kind, await canvasPoint(page, ...form.at))).toBe(form.id);
    await formOf(form.id).waitFor();
    await form.fill();
  }
  // Nothing is connected yet: the new steps cannot be reached, their ports lead nowhere.
  await expect.poll(() => summary().textContent()).toBe('エラー 7件・警告 6件');
  expect(await problemTexts()).toEqual(
    expect.arrayContaining([
      '「営業中」がどこにもつながっていません。',
      '「時間外」がどこにもつながっていません。',
      '「1: 受付につなぐ」がどこにもつながっていません。',
      '「2: 伝言を残す」がどこにもつながっていません。',
      '「失敗」がどこにもつながっていません。',
      'この手順には、どの電話もたどり着きません。',
    ]),
  );
}

/** The problems summary after each connection of `connections` is drawn. */
const summariesWhileConnecting = [
  'エラー 7件・警告 5件',
  'エラー 6件・警告 4件',
  'エラー 5件・警告 3件',
  'エラー 4件・警告 2件',
  'エラー 3件・警告 1件',
  'エラー 2件・警告 1件',
  'エラー 1件・警告 0件',
  '問題はありません',
];

async function connectSteps(): Promise<void> {
  for (const [i, [from, port, to]] of connections.entries()) {
    await connectPort(page, from, port, to);
    await expect.poll(() => summary().textContent()).toBe(summariesWhileConnecting[i]);
  }
  expect(await page.getByTestId('problem').count()).toBe(0);
  expect(await page.getByTestId('issue-badge').count()).toBe(0);
  // The menu's form names where each option now leads.
  await openForm(steps.closed.id, steps.closed.label);
  expect(await inspector().locator('.menu-option-target').allTextContents()).toEqual([
    `つなぎ先: ${steps.sms.label}`,
    `つなぎ先: ${steps.voicemail.label}`,
  ]);
}

async function save(): Promise<void> {
  expect(await page.getByTestId('save-status').textContent()).toBe('未保存の変更があります');
  await page.getByTestId('save-flow').click();
  await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('保存済み');
}

type Marks = Record<string, string | null>;

/** How every step and connection is lit on the canvas right now. */
async function canvasMarks(): Promise<Marks> {
  const marks: Marks = {};
  for (const { id } of Object.values(steps)) marks[id] = await stepMark(page, id);
  for (const [from, port] of connections) marks[`${from}:${port}`] = await edgeMark(page, from, port);
  return marks;
}

/**
 * Places a simulated call at `local` (Tokyo time), presses 1 at the menu and, once `settled`
 * says the call has moved on, returns how the canvas is lit.
 */
async function callAndPress1(
  local: string,
  dayTexts: string[],
  settled: () => Promise<void>,
): Promise<Marks> {
  await page.getByLabel('日時（日本時間）').fill(local);
  // What that day is, and whether the flow's schedule is open then, is shown before calling.
  for (const text of dayTexts) await page.locator('.sim-day').getByText(text).waitFor();
  await page.getByTestId('sim-start').click();
  await page.getByTestId('sim-transcript').getByText(texts.greeting).waitFor();
  await page.getByTestId('key-1').click();
  await settled();
  return canvasMarks();
}

async function simulate(): Promise<{ holiday: Marks; weekday: Marks }> {
  await page.getByRole('tab', { name: 'シミュレーター' }).click();

  // 勤労感謝の日 (a Monday): the schedule is closed for the holiday, so the closed menu answers
  // and 1 sends the booking link by SMS; the call ends there.
  const holiday = await callAndPress1(
    '2026-11-23T11:00',
    ['11月23日（月）', 'この日は祝日（勤労感謝の日）です。', '営業時間外（祝日のため休み）'],
    () => expect.poll(() => page.getByTestId('sim-result').getAttribute('data-result')).toBe('completed'),
  );
  expect(await page.locator('.sim-effects').textContent()).toContain(texts.sms);

  await page.getByTestId('sim-clear').click();
  await expect.poll(() => stepMark(page, 'greeting')).toBeNull();

  // The next day, a Tuesday at 11:00: open, so 1 rings the reception and the call waits there.
  const weekday = await callAndPress1('2026-11-24T11:00', ['11月24日（火）', '受付時間: 営業中'], () =>
    page.getByTestId('outcome-answered').waitFor(),
  );
  await page.getByTestId('sim-transcript').getByText('03-1234-5678 を呼び出し中').waitFor();
  return { holiday, weekday };
}

async function publish(): Promise<void> {
  await page.getByTestId('publish-flow').click();
  const dialog = page.getByTestId('publish-dialog');
  await dialog.getByLabel('変更内容のメモ').fill('受付フローを作成');
  await dialog.getByRole('button', { name: '公開する' }).click();
  await expect.poll(() => page.getByTestId('publish-status').textContent()).toBe('公開中: 第1版');
  await page.getByText('第1版を公開しました').waitFor();

  // The history shows the version with its note, the same as what is being edited.
  await page.getByRole('button', { name: '履歴' }).click();
  const history = page.getByTestId('history-dialog');
  await history.getByText('受付フローを作成').waitFor();
  await history.getByRole('button', { name: '第1版 内容を見る' }).click();
  await page.getByRole('dialog').getByText('編集中の内容と同じです（位置を除く）').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** Where each step is drawn, in flow coordinates (xyflow's node transform). */
async function drawnPositions(): Promise<Record<string, { x: number; y: number }>> {
  const entries = await page.locator('.react-flow__node').evaluateAll((els) =>
    els.map((el) => {
      const m = /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec((el as HTMLElement).style.transform);
      return [el.getAttribute('data-id'), { x: Number(m?.[1]), y: Number(m?.[2]) }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function getJson(path: string): Promise<unknown> {
  const response = await page.request.get(`${h.server.url}${path}`);
  expect(response.status()).toBe(200);
  return response.json();
}

describe('building a flow in the editor', () => {
  it('draws, validates, simulates and publishes a reception flow with the mouse and forms only', async () => {
    await createBlankFlow();
    await drawSteps();
    await connectSteps();
    await save();

    const { holiday, weekday } = await simulate();
    expect(holiday).toMatchObject({
      greeting: 'path',
      'hours-1': 'path',
      'menu-2': 'path',
      'sms-1': 'path',
      'menu-1': 'dim',
      'transfer-1': 'dim',
      'record-1': 'dim',
      'hours-1:closed': 'path',
      'menu-2:1': 'path',
      'hours-1:open': 'dim',
      'menu-1:1': 'dim',
    });
    expect(weekday).toMatchObject({
      greeting: 'path',
      'hours-1': 'path',
      'menu-1': 'path',
      'transfer-1': 'active',
      'menu-2': 'dim',
      'sms-1': 'dim',
      'record-1': 'dim',
      'hours-1:open': 'path',
      'menu-1:1': 'path',
      'hours-1:closed': 'dim',
      'menu-2:1': 'dim',
    });
    expect(weekday).not.toEqual(holiday);

    await publish();

    const expected = drawnFlow(await drawnPositions());
    const record = (await getJson(`/api/flows/${flowId}`)) as { draft: unknown; publishedVersion: number };
    expect(record.publishedVersion).toBe(1);
    expect(record.draft).toEqual(expected);
    const version = (await getJson(`/api/flows/${flowId}/versions/1`)) as {
      document: unknown;
      comment: string;
    };
    expect(version.comment).toBe('受付フローを作成');
    expect(version.document).toEqual(expected);

    expect(h.consoleProblems).toEqual([]);
  });
});
