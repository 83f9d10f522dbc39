/**
 * Small inline flows for the simulator's and the CLI's tests: every kind that waits, a schedule
 * with public holidays, and a menu that listens for speech. Not used by production code.
 */
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Flow } from '../../schema/kinds.ts';

export const welcomeText = 'お電話ありがとうございます。';
export const menuPrompt = 'SMSは1を、担当者は2を押してください。';

/** A shop line: hours → menu → SMS, or transfer → voicemail → notification. */
export const shopFlow: Flow = {
  schemaVersion: 1,
  id: 'shop',
  name: 'テスト商店',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'welcome',
  nodes: [
    { id: 'welcome', kind: 'say', params: { text: welcomeText }, next: { next: 'hours' } },
    {
      id: 'hours',
      kind: 'hours',
      params: { schedule: 'shop-hours' },
      next: { open: 'menu', closed: 'closed' },
    },
    {
      id: 'menu',
      kind: 'menu',
      params: {
        prompt: menuPrompt,
        options: [
          { key: '1', label: 'SMS' },
          { key: '2', label: '担当者' },
        ],
        timeoutSeconds: 4,
        retries: 1,
      },
      next: { '1': 'sms', '2': 'xfer', timeout: 'bye', invalid: 'bye' },
    },
    {
      id: 'sms',
      kind: 'sms',
      params: { to: 'caller', text: 'ご予約フォーム https://example.jp/f' },
      next: { sent: 'bye', failed: 'bye' },
    },
    {
      id: 'xfer',
      kind: 'transfer',
      params: {
        announcement: 'おつなぎします。',
        destinations: [{ number: '03-1234-5678' }],
        ringSeconds: 15,
      },
      next: { failed: 'vm' },
    },
    {
      id: 'vm',
      kind: 'record',
      params: { prompt: '発信音の後にお話しください。', maxSeconds: 60 },
      next: { done: 'notify' },
    },
    {
      id: 'notify',
      kind: 'notify',
      params: { channel: 'staff', message: '留守電: {{vm.transcript}}' },
      next: { next: 'bye' },
    },
    { id: 'closed', kind: 'say', params: { text: '本日の営業は終了しました。' } },
    { id: 'bye', kind: 'hangup', params: { text: 'ありがとうございました。' } },
  ],
};

const weekday = [{ from: '10:00', to: '18:00' }];

export const shopSchedule: ScheduleDocument = {
  schemaVersion: 1,
  id: 'shop-hours',
  name: '営業時間',
  weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
  closedOnPublicHolidays: true,
};

export const shopSchedules = { 'shop-hours': shopSchedule };

/** Tuesday 24 November 2026, lunchtime: open. */
export const openAt = '2026-11-24T12:00:00+09:00';
/** Monday 23 November 2026 is 勤労感謝の日: closed. */
export const holidayAt = '2026-11-23T12:00:00+09:00';

/** A menu that also listens for words. */
export const speechFlow: Flow = {
  schemaVersion: 1,
  id: 'speech',
  name: '音声メニュー',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'menu',
  nodes: [
    {
      id: 'menu',
      kind: 'menu',
      params: {
        prompt: 'ご用件をお話しください。',
        options: [
          { key: '1', label: '予約', keywords: ['予約'] },
          { key: '2', label: '営業時間', keywords: ['時間'] },
        ],
        speech: true,
      },
      next: { '1': 'booking', '2': 'hours-info' },
    },
    { id: 'booking', kind: 'say', params: { text: 'ご予約ですね。' } },
    { id: 'hours-info', kind: 'say', params: { text: '10時から18時までです。' } },
  ],
};
