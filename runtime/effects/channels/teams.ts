/**
 * Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is
 * received") or a legacy incoming webhook. Workflows accept only Adaptive Cards, wrapped in a
 * message with one attachment; version 1.4 renders in every Teams client. The title is a large
 * TextBlock, the text a wrapping TextBlock, the fields a FactSet, the recording an OpenUrl
 * action. Workflows answer 202 Accepted, incoming webhooks 200.
 */
import { postJson } from './http-post.ts';
import { wording } from './plain-text.ts';
import type { Sender } from './sender.ts';
import type { NotificationMessage } from './types.ts';

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

type Element = Record<string, unknown>;

export function adaptiveCardOf(message: NotificationMessage): Element {
  const body: Element[] = [
    { type: 'TextBlock', text: message.title, size: 'Large', weight: 'Bolder', wrap: true },
  ];
  if (message.text.trim() !== '') body.push({ type: 'TextBlock', text: message.text, wrap: true });
  if (message.fields.length > 0) {
    body.push({
      type: 'FactSet',
      facts: message.fields.map(({ label, value }) => ({ title: label, value })),
    });
  }
  if (message.test) body.push({ type: 'TextBlock', text: wording.testNotice, isSubtle: true, wrap: true });
  const actions = message.recordingUrl
    ? [{ type: 'Action.OpenUrl', title: wording.listen, url: message.recordingUrl }]
    : [];
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    actions,
    // Without it Teams draws the card narrow and long transcripts wrap into a column.
    msteams: { width: 'Full' },
  };
}

export function teamsPayload(message: NotificationMessage) {
  return {
    type: 'message',
    attachments: [
      { contentType: adaptiveCardContentType, contentUrl: null, content: adaptiveCardOf(message) },
    ],
  };
}

export const sendTeams: Sender<'teams'> = async (channel, message, options) => {
  await postJson('Teams', channel.settings.webhookUrl, teamsPayload(message), channel, options);
  return {};
};
