/**
 * What the channel tests send: a notification as a Japanese clinic would get it (caller in
 * Japanese format with the contact's name, the request in the caller's words, facts, and a
 * signed recording link), and channels built around loopback fakes.
 */
import type { Channel, ChannelSettingsByType, ChannelType, NotificationMessage } from '../types.ts';

export const sampleMessage: NotificationMessage = {
  title: '着信: 090-1234-5678（山田様）',
  text: 'ご予約の変更をお願いします。\n来週の火曜日の午後は空いていますか？',
  fields: [
    { label: '日時', value: '2026年11月22日（日）14:05' },
    { label: '着信番号', value: '03-1234-5678（さくら歯科 代表）' },
    { label: 'メニュー', value: '2: 予約の変更' },
  ],
  recordingUrl: 'https://flowcall.example.jp/recordings/CALL-1/rec-1?expires=1795000000&sig=Zm9vYmFy',
};

export function channelOf<T extends ChannelType>(type: T, settings: ChannelSettingsByType[T]): Channel<T> {
  return { id: `ch-${type}`, name: `テスト ${type}`, type, settings };
}

/** A promise's rejection, for asserting on an error's class and message together. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`rejected with a non-Error: ${String(error)}`);
  }
  throw new Error('expected the promise to reject, but it resolved');
}
