import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { callOf, stateOf } from '../store/test-helpers.ts';
import type { CallRecord } from '../store/types.ts';
import { callerDisplay, japaneseDateTime, notificationContent } from './notification-content.ts';

const flow: FlowDocument = {
  schemaVersion: 1,
  id: 'clinic',
  name: 'さくら歯科 代表',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  afterCallSummary: { channel: 'staff', waitSeconds: 300 },
  start: 'menu',
  nodes: [
    {
      id: 'menu',
      kind: 'menu',
      params: {
        prompt: 'ご予約は1を、その他は2を押してください。',
        options: [
          { key: '1', label: 'ご予約' },
          { key: '2', label: 'その他' },
        ],
      },
      next: { '1': 'callback', '2': 'vm' },
    },
    {
      id: 'callback',
      kind: 'input',
      params: { prompt: '折り返しの番号をどうぞ。', saveAs: 'cb' },
      next: { done: 'vm' },
    },
    { id: 'vm', kind: 'record', label: '留守番電話', params: { prompt: 'ご用件をどうぞ。' }, next: {} },
  ],
} as FlowDocument;

/** A call to 03-1234-5678 from 090-1234-5678 at 12:05 JST on Tuesday 24 November 2026. */
function call(vars: Record<string, string>, overrides: Partial<CallRecord> = {}): CallRecord {
  return callOf('CALL-1', {
    from: '819012345678',
    to: '+81312345678',
    flowId: 'clinic',
    startedAt: '2026-11-24T03:05:00.000Z',
    state: stateOf('CALL-1', 4, { flowId: 'clinic', path: ['menu', 'callback', 'vm'], vars }),
    ...overrides,
  });
}

const field = (message: { fields: Array<{ label: string; value: string }> }, label: string) =>
  message.fields.find((f) => f.label === label)?.value;

describe('notification content', () => {
  it('writes dates the Japanese way in the flow’s time zone', () => {
    expect(japaneseDateTime('2026-11-24T03:05:00Z', 'Asia/Tokyo')).toBe('2026年11月24日(火) 12:05');
    // Past midnight in Tokyo while it is still the 23rd in UTC.
    expect(japaneseDateTime('2026-11-23T15:30:00Z', 'Asia/Tokyo')).toBe('2026年11月24日(火) 00:30');
  });

  it('shows callers in Japanese format and hidden numbers as 非通知', () => {
    expect(callerDisplay('819012345678')).toBe('090-1234-5678');
    expect(callerDisplay('+81312345678')).toBe('03-1234-5678');
    expect(callerDisplay('anonymous')).toBe('非通知');
    expect(callerDisplay('')).toBe('非通知');
  });

  it('tells staff who called, when, what they chose, typed and said, with a link to listen', () => {
    const message = notificationContent({
      kind: 'notify',
      call: call({
        'menu.choice': '1',
        'cb.digits': '08011112222',
        'vm.recordingUrl': 'https://api.nexmo.com/v1/files/abc',
        'vm.transcript': '明日の午後に予約をお願いします。',
      }),
      flow,
      contact: { name: '山田太郎', company: '山田商事' },
      text: '新しい留守番電話があります',
      recordingLink: (callId, nodeId) => `https://ivr.example.jp/recordings/${callId}/${nodeId}?exp=1&sig=x`,
    });
    expect(message.title).toBe('着信: 090-1234-5678（山田商事 山田太郎様）');
    expect(message.text).toBe('新しい留守番電話があります');
    expect(message.fields).toEqual([
      { label: '発信者', value: '090-1234-5678' },
      { label: '会社名', value: '山田商事' },
      { label: 'お名前', value: '山田太郎様' },
      { label: '日時', value: '2026年11月24日(火) 12:05' },
      { label: '着信番号', value: '03-1234-5678' },
      { label: 'フロー', value: 'さくら歯科 代表' },
      { label: 'メニューの選択', value: '1（ご予約）' },
      { label: '入力された番号', value: '080-1111-2222' },
      { label: '録音の文字起こし', value: '明日の午後に予約をお願いします。' },
    ]);
    expect(message.recordingUrl).toBe('https://ivr.example.jp/recordings/CALL-1/vm?exp=1&sig=x');
  });

  it('leaves out what the caller did not do and needs no contact', () => {
    const message = notificationContent({ kind: 'notify', call: call({}), flow, text: '' });
    expect(message.title).toBe('着信: 090-1234-5678');
    expect(message.text).toBe('090-1234-5678から着信がありました。');
    expect(message.fields.map((f) => f.label)).toEqual(['発信者', '日時', '着信番号', 'フロー']);
    expect(message.recordingUrl).toBeUndefined();
  });

  it('summarises a finished call with its result and length', () => {
    const ended = call(
      { 'menu.choice': '2' },
      { status: 'ended', result: 'completed', endedAt: '2026-11-24T03:06:23.000Z' },
    );
    const message = notificationContent({ kind: 'summary', call: ended, flow });
    expect(message.title).toBe('通話のまとめ: 090-1234-5678');
    expect(message.text).toBe('090-1234-5678からのお電話が終わりました（さくら歯科 代表）。');
    expect(field(message, '結果')).toBe('最後まで案内しました');
    expect(field(message, '通話時間')).toBe('1分23秒');
    expect(field(message, 'メニューの選択')).toBe('2（その他）');
  });

  it('uses the flow’s summary template with the call’s variables and the contact’s name', () => {
    const custom = {
      ...flow,
      afterCallSummary: {
        channel: 'staff',
        template: '{{caller.name}}様 ({{caller.national}}): {{vm.transcript}}',
      },
    };
    const message = notificationContent({
      kind: 'summary',
      call: call({
        'caller.national': '090-1234-5678',
        'caller.name': '',
        'vm.transcript': '折り返しください',
      }),
      flow: custom,
      contact: { name: '佐藤花子' },
    });
    expect(message.text).toBe('佐藤花子様 (090-1234-5678): 折り返しください');
  });

  it('says why a missed call was not answered', () => {
    const missed = call(
      {},
      { status: 'ended', result: 'missed', missedReason: 'linesBusy', endedAt: '2026-11-24T03:05:00.000Z' },
    );
    const message = notificationContent({ kind: 'summary', call: missed, flow });
    expect(field(message, '結果')).toBe('回線がすべて使用中のため応答できませんでした');
    expect(field(message, '通話時間')).toBeUndefined();
  });
});
