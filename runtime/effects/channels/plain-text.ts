/**
 * The wording every channel shares, and the plain-text rendering of a notification for the
 * channels without cards (LINE WORKS, the email's text part): title, text, one line per field,
 * the recording link, and the test notice.
 */
import type { NotificationMessage } from './types.ts';

export const wording = {
  listen: '録音を聞く',
  testNotice: 'これは flowcall からのテスト送信です。',
  product: 'flowcall',
} as const;

/** Cuts text to at most `max` characters (code points, so a kanji or emoji is never split). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Field lines as 「label: value」; a value with line breaks continues on indented lines. */
export function fieldLines(message: NotificationMessage): string[] {
  return message.fields.map(({ label, value }) => `${label}: ${value.replace(/\n/g, '\n  ')}`);
}

export function plainTextOf(message: NotificationMessage): string {
  const parts = [message.title];
  if (message.text.trim() !== '') parts.push(message.text);
  if (message.fields.length > 0) parts.push(fieldLines(message).join('\n'));
  if (message.recordingUrl) parts.push(`${wording.listen}: ${message.recordingUrl}`);
  if (message.test) parts.push(wording.testNotice);
  return parts.join('\n\n');
}
