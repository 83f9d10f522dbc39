/**
 * LINE WORKS API 2.0 bot message to a channel (talk room): POST
 * {apiBaseUrl}/bots/{botId}/channels/{channelId}/messages with the service account's bearer token
 * (line-works-token.ts) and a text message. LINE WORKS answers 201. A 401 means the cached token
 * was revoked or lapsed early: the token is requested again and the message sent once more; a
 * second 401 is permanent.
 */
import { httpFailure, isSuccess, type ProviderResponse, requestProvider } from './http-post.ts';
import { forgetLineWorksToken, type LineWorksSettings, lineWorksAccessToken } from './line-works-token.ts';
import { plainTextOf, truncate } from './plain-text.ts';
import { secretValuesOf } from './secrets.ts';
import type { Sender, SendOptions } from './sender.ts';
import type { NotificationMessage } from './types.ts';

export const defaultLineWorksApiBaseUrl = 'https://www.worksapis.com/v1.0';
/** A text message holds at most 2000 characters. */
const maxTextLength = 2000;
const provider = 'LINE WORKS';

/** The plain-text notification; an over-long text is cut so the fields and the link survive. */
export function lineWorksText(message: NotificationMessage): string {
  const full = plainTextOf(message);
  const excess = Array.from(full).length - maxTextLength;
  if (excess <= 0) return full;
  const text = truncate(message.text, Math.max(1, Array.from(message.text).length - excess));
  return truncate(plainTextOf({ ...message, text }), maxTextLength);
}

export function lineWorksMessagesUrl(settings: LineWorksSettings): string {
  const base = (settings.apiBaseUrl?.trim() || defaultLineWorksApiBaseUrl).replace(/\/+$/, '');
  const bot = encodeURIComponent(settings.botId.trim());
  return `${base}/bots/${bot}/channels/${encodeURIComponent(settings.channelId.trim())}/messages`;
}

async function postMessage(
  settings: LineWorksSettings,
  accessToken: string,
  body: string,
  secrets: readonly string[],
  options: SendOptions | undefined,
): Promise<ProviderResponse> {
  return requestProvider({
    provider,
    url: lineWorksMessagesUrl(settings),
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json; charset=utf-8' },
    body,
    secrets: [...secrets, accessToken],
    timeoutMs: options?.timeoutMs,
  });
}

export const sendLineWorks: Sender<'line-works'> = async (channel, message, options) => {
  const { settings } = channel;
  const secrets = secretValuesOf(channel);
  const body = JSON.stringify({ content: { type: 'text', text: lineWorksText(message) } });
  let token = await lineWorksAccessToken(settings, secrets, options);
  let response = await postMessage(settings, token, body, secrets, options);
  if (response.status === 401) {
    forgetLineWorksToken(settings, token);
    token = await lineWorksAccessToken(settings, secrets, options);
    response = await postMessage(settings, token, body, secrets, options);
  }
  if (!isSuccess(response.status)) throw httpFailure(provider, response, [...secrets, token]);
  return {};
};
