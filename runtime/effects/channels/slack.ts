/**
 * Slack incoming webhook with a Block Kit message: a header with the title, a section with the
 * text, the fields two columns wide, a button to the recording, and the test notice as context.
 * The top-level `text` is what Slack shows in notifications and where blocks cannot be drawn.
 * Slack answers 200 "ok"; 400 invalid_payload, 403 action_prohibited, 404 no_service /
 * channel_not_found and 410 channel_is_archived are permanent (http-post.ts).
 */
import { postJson } from './http-post.ts';
import { truncate, wording } from './plain-text.ts';
import type { Sender } from './sender.ts';
import type { NotificationMessage } from './types.ts';

/** Block Kit limits: header 150 characters, section text 3000, 10 fields of 2000, button 75. */
const limits = { header: 150, section: 3000, fieldsPerSection: 10, field: 2000 } as const;

/** mrkdwn control characters: a caller's transcript must not become a link or an @channel. */
export const escapeMrkdwn = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Block = Record<string, unknown>;

export function slackPayload(message: NotificationMessage): { text: string; blocks: Block[] } {
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(message.title, limits.header), emoji: true },
    },
  ];
  if (message.text.trim() !== '') {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(message.text), limits.section) },
    });
  }
  for (let i = 0; i < message.fields.length; i += limits.fieldsPerSection) {
    const fields = message.fields.slice(i, i + limits.fieldsPerSection).map(({ label, value }) => ({
      type: 'mrkdwn',
      text: truncate(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`, limits.field),
    }));
    blocks.push({ type: 'section', fields });
  }
  if (message.recordingUrl) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: wording.listen, emoji: true },
          url: message.recordingUrl,
          action_id: 'listen-recording',
        },
      ],
    });
  }
  if (message.test) {
    blocks.push({ type: 'context', elements: [{ type: 'plain_text', text: wording.testNotice }] });
  }
  return { text: message.title, blocks };
}

export const sendSlack: Sender<'slack'> = async (channel, message, options) => {
  await postJson('Slack', channel.settings.webhookUrl, slackPayload(message), channel, options);
  // Incoming webhooks answer a bare "ok": there is no message id to keep.
  return {};
};
