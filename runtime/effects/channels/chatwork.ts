/**
 * Chatwork API v2: POST {apiBaseUrl}/rooms/{roomId}/messages with the API token in
 * X-ChatWorkToken and a form-urlencoded `body` in Chatwork's message notation — an [info] box
 * whose [title] is the notification's title. Chatwork answers {"message_id": "…"}; 401 (bad
 * token), 403 (no access to the room) and 404 (no such room) are permanent, 429 is its rate
 * limit and is retried.
 */
import { jsonOf, postToProvider } from './http-post.ts';
import { fieldLines, wording } from './plain-text.ts';
import { secretValuesOf } from './secrets.ts';
import type { Sender } from './sender.ts';
import type { NotificationMessage } from './types.ts';

export const defaultChatworkApiBaseUrl = 'https://api.chatwork.com/v2';

/**
 * Chatwork reads [tags] anywhere in a message. A transcript saying "[toall]" or "[/info]" must
 * not mention everyone or break the box, so a bracket that opens a tag becomes a full-width one.
 */
export const neutralizeChatworkTags = (text: string) => text.replace(/\[(?=\/?[A-Za-z])/g, '［');

export function chatworkBody(message: NotificationMessage): string {
  const safe = neutralizeChatworkTags;
  const lines: string[] = [];
  if (message.text.trim() !== '') lines.push(safe(message.text));
  const facts = fieldLines(message).map(safe);
  if (message.recordingUrl) facts.push(`${wording.listen}: ${message.recordingUrl}`);
  if (facts.length > 0) lines.push(`${lines.length > 0 ? '[hr]' : ''}${facts.join('\n')}`);
  if (message.test) lines.push(`[hr]${wording.testNotice}`);
  return `[info][title]${safe(message.title)}[/title]${lines.join('\n')}[/info]`;
}

export function chatworkMessagesUrl(settings: { roomId: string; apiBaseUrl?: string }): string {
  const base = (settings.apiBaseUrl?.trim() || defaultChatworkApiBaseUrl).replace(/\/+$/, '');
  return `${base}/rooms/${encodeURIComponent(settings.roomId.trim())}/messages`;
}

export const sendChatwork: Sender<'chatwork'> = async (channel, message, options) => {
  const response = await postToProvider({
    provider: 'Chatwork',
    url: chatworkMessagesUrl(channel.settings),
    headers: {
      'x-chatworktoken': channel.settings.apiToken.trim(),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ body: chatworkBody(message) }),
    secrets: secretValuesOf(channel),
    timeoutMs: options?.timeoutMs,
  });
  const id = (jsonOf(response.text) as { message_id?: unknown } | undefined)?.message_id;
  return id === undefined || id === null ? {} : { providerId: String(id) };
};
