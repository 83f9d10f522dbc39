/**
 * Google Chat space webhook with a cardsV2 card: the title in the card header, the text as a
 * paragraph, each field as a decoratedText with its label on top, and a button to the
 * recording. `fallbackText` is what mobile notifications show. Chat answers 200 with the
 * created message, whose resource name is kept as the provider id.
 */
import { jsonOf, postJson } from './http-post.ts';
import { wording } from './plain-text.ts';
import type { Sender } from './sender.ts';
import type { NotificationMessage } from './types.ts';

/** Card text widgets read a subset of HTML: a caller's words must stay words. */
export const escapeChatHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Widget = Record<string, unknown>;

export function googleChatPayload(message: NotificationMessage) {
  const sections: Array<{ widgets: Widget[] }> = [];
  if (message.text.trim() !== '') {
    sections.push({ widgets: [{ textParagraph: { text: escapeChatHtml(message.text) } }] });
  }
  if (message.fields.length > 0) {
    sections.push({
      widgets: message.fields.map(({ label, value }) => ({
        decoratedText: { topLabel: label, text: escapeChatHtml(value), wrapText: true },
      })),
    });
  }
  if (message.recordingUrl) {
    sections.push({
      widgets: [
        {
          buttonList: {
            buttons: [{ text: wording.listen, onClick: { openLink: { url: message.recordingUrl } } }],
          },
        },
      ],
    });
  }
  const header: Record<string, string> = { title: message.title };
  header.subtitle = message.test ? wording.testNotice : wording.product;
  return {
    fallbackText: message.title,
    cardsV2: [{ cardId: 'flowcall-notification', card: { header, sections } }],
  };
}

export const sendGoogleChat: Sender<'google-chat'> = async (channel, message, options) => {
  const payload = googleChatPayload(message);
  const response = await postJson('Google Chat', channel.settings.webhookUrl, payload, channel, options);
  const name = (jsonOf(response.text) as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? { providerId: name } : {};
};
