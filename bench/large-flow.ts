/**
 * A large, valid, realistic flow for benchmarks: repeated "department" blocks of
 * say → hours → menu → (sms | transfer → record → notify | input) → hangup.
 */
import type { Node } from '../schema/generated/flow.ts';
import type { ScheduleDocument } from '../schema/generated/schedule.ts';
import type { Flow } from '../schema/kinds.ts';

const blockSize = 10;

function block(i: number, nextBlock: string | undefined): Node[] {
  const id = (name: string) => `${name}-${i}`;
  const back = nextBlock ?? id('bye');
  return [
    {
      id: id('hello'),
      kind: 'say',
      params: { text: `第${i}窓口です。{{caller.national}}様、お電話ありがとうございます。` },
      next: { next: id('hours') },
    },
    {
      id: id('hours'),
      kind: 'hours',
      params: { schedule: 'office' },
      next: { open: id('menu'), closed: id('vm') },
    },
    {
      id: id('menu'),
      kind: 'menu',
      params: {
        prompt: 'ご予約は1、担当者は2、番号入力は3、次の窓口は9を押してください。',
        options: [
          { key: '1', label: 'ご予約', keywords: ['予約'] },
          { key: '2', label: '担当者' },
          { key: '3', label: '番号入力' },
          { key: '9', label: '次へ' },
        ],
        speech: true,
      },
      next: {
        '1': id('sms'),
        '2': id('xfer'),
        '3': id('input'),
        '9': back,
        timeout: id('bye'),
        invalid: id('bye'),
      },
    },
    {
      id: id('sms'),
      kind: 'sms',
      params: { to: 'caller', text: '予約フォーム https://example.jp/r/{{call.id}}' },
      next: { sent: id('bye'), failed: id('bye') },
    },
    {
      id: id('xfer'),
      kind: 'transfer',
      params: { destinations: [{ number: '090-1111-2222' }, { number: '03-1234-5678' }], ringSeconds: 20 },
      next: { answered: id('note'), failed: id('vm') },
    },
    {
      id: id('vm'),
      kind: 'record',
      params: { prompt: '発信音の後にお名前とご用件をどうぞ。' },
      next: { done: id('note') },
    },
    {
      id: id('note'),
      kind: 'notify',
      params: { channel: 'staff', message: '着信 {{caller.number}}' },
      next: { next: id('bye') },
    },
    {
      id: id('input'),
      kind: 'input',
      params: { prompt: '会員番号を入力してください。', minDigits: 4, maxDigits: 8 },
      next: { done: id('read'), invalid: id('bye') },
    },
    { id: id('read'), kind: 'say', params: { text: '会員番号を承りました。' }, next: { next: id('bye') } },
    { id: id('bye'), kind: 'hangup', params: { text: 'お電話ありがとうございました。' } },
  ];
}

export function largeFlow(nodeCount: number): Flow {
  const blocks = Math.max(1, Math.round(nodeCount / blockSize));
  const nodes: Node[] = [];
  for (let i = 0; i < blocks; i += 1) nodes.push(...block(i, i + 1 < blocks ? `hello-${i + 1}` : undefined));
  return {
    schemaVersion: 1,
    id: 'large',
    name: '大規模フロー',
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start: 'hello-0',
    nodes: nodes as Flow['nodes'],
  };
}

export const officeSchedule: ScheduleDocument = {
  schemaVersion: 1,
  id: 'office',
  name: '営業時間',
  weekly: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
  },
  closedOnPublicHolidays: true,
};
