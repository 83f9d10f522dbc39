import { describe, expect, it } from 'vitest';
import { localParts } from '../../runtime/engine/local-time.ts';
import type { Node } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { excerpt, formatWindows, nodeSummary, todayLine } from './canvas-summary.ts';

const restaurantHours: ScheduleDocument = {
  schemaVersion: 1,
  id: 'restaurant-hours',
  name: '和食処 みやび 営業時間',
  weekly: {
    mon: [
      { from: '11:30', to: '14:00' },
      { from: '17:00', to: '22:00' },
    ],
    tue: [
      { from: '11:30', to: '14:00' },
      { from: '17:00', to: '22:00' },
    ],
    sat: [{ from: '17:00', to: '24:00' }],
  },
  closedOnPublicHolidays: true,
  special: [{ date: '12-31', through: '01-03', closed: true, note: '年末年始休業' }],
};
const day = (iso: string) => localParts(iso, 'Asia/Tokyo')!;
const hoursNode: Node = { id: 'hours', kind: 'hours', params: { schedule: 'restaurant-hours' } };
const ctx = { schedules: { 'restaurant-hours': restaurantHours }, today: day('2026-11-24T10:00:00+09:00') };

describe('canvas summaries', () => {
  it('cuts long texts on one line with an ellipsis', () => {
    expect(excerpt('お電話\n ありがとう', 60)).toBe('お電話 ありがとう');
    expect(excerpt('あいうえおかきくけこ', 5)).toBe('あいうえ…');
  });

  it('formats windows with an en dash, 24:00 included', () => {
    expect(
      formatWindows([
        { from: 690, to: 840 },
        { from: 1020, to: 1440 },
      ]),
    ).toBe('11:30–14:00, 17:00–24:00');
  });

  it("shows today's hours on a weekday", () => {
    expect(todayLine(restaurantHours, day('2026-11-24T09:00:00+09:00'))).toEqual({
      key: 'summary.today',
      values: { windows: '11:30–14:00, 17:00–22:00' },
    });
  });

  it('says closed with the holiday name on a public holiday, and the note on a special date', () => {
    expect(todayLine(restaurantHours, day('2026-11-23T12:00:00+09:00'))).toEqual({
      key: 'summary.closedToday',
      values: { reason: '勤労感謝の日' },
    });
    expect(todayLine(restaurantHours, day('2026-12-31T12:00:00+09:00'))).toEqual({
      key: 'summary.closedToday',
      values: { reason: '年末年始休業' },
    });
    expect(todayLine(restaurantHours, day('2026-11-22T12:00:00+09:00'))).toEqual({
      key: 'summary.closedAllDay',
    });
  });

  it('names the schedule of an hours step, or says what is missing', () => {
    expect(nodeSummary(hoursNode, ctx)).toEqual([
      { key: 'summary.plain', values: { text: '和食処 みやび 営業時間' } },
      { key: 'summary.today', values: { windows: '11:30–14:00, 17:00–22:00' } },
    ]);
    expect(nodeSummary({ ...hoursNode, params: { schedule: '' } }, ctx)).toEqual([
      { key: 'summary.noSchedule' },
    ]);
    expect(nodeSummary({ ...hoursNode, params: { schedule: 'gone' } }, ctx)).toEqual([
      { key: 'summary.unknownSchedule', values: { id: 'gone' } },
    ]);
    expect(nodeSummary(hoursNode, { ...ctx, today: undefined })).toHaveLength(1);
  });

  it('lists menu options as "1: 予約 2: 営業時間"', () => {
    const menu: Node = {
      id: 'm',
      kind: 'menu',
      params: {
        prompt: '…',
        options: [
          { key: '1', label: '予約' },
          { key: '2', label: '営業時間' },
        ],
      },
    };
    expect(nodeSummary(menu, ctx)).toEqual([
      { key: 'summary.plain', values: { text: '1: 予約 2: 営業時間' } },
    ]);
  });

  it('describes every kind in words', () => {
    const nodes: Node[] = [
      { id: 'a', kind: 'say', params: { text: 'お電話ありがとうございます。' } },
      { id: 'b', kind: 'input', params: { prompt: 'p', shape: 'jp-phone', saveAs: 'callback' } },
      { id: 'c', kind: 'sms', params: { to: 'caller', text: '予約 https://x.jp' } },
      { id: 'd', kind: 'sms', params: { to: '090-1234-5678', text: 't' } },
      { id: 'e', kind: 'record', params: { prompt: '発信音の後に', transcribe: true, maxSeconds: 120 } },
      {
        id: 'f',
        kind: 'transfer',
        params: { destinations: [{ number: '03-1234-5678', label: '受付' }, { number: '090-1111-2222' }] },
      },
      { id: 'g', kind: 'notify', params: { channel: 'staff-chat', message: '着信あり' } },
      { id: 'h', kind: 'hangup' },
    ];
    const keys = nodes.map((n) => nodeSummary(n, ctx).map((l) => l.key));
    expect(keys).toEqual([
      ['summary.quote'],
      ['summary.input.jp-phone', 'summary.savedAs'],
      ['summary.smsToCaller'],
      ['summary.smsTo'],
      ['summary.recordTranscribeMax', 'summary.quote'],
      ['summary.ringInTurn'],
      ['summary.notifyTo', 'summary.quote'],
      ['summary.hangup'],
    ]);
    expect(nodeSummary(nodes[1]!, ctx)[1]?.values).toEqual({ name: 'callback.digits' });
    expect(nodeSummary(nodes[5]!, ctx)[0]?.values).toEqual({ list: '受付 03-1234-5678、090-1111-2222' });
  });
});
