/**
 * runtime/effects/channels — notification channels: one sender per kind (slack.ts, teams.ts,
 * google-chat.ts, chatwork.ts, line-works.ts, email.ts, webhook.ts), the shared contract
 * (types.ts), settings validation for the API, and testing/ with loopback fakes of each
 * provider. `sendToChannel` is what the outbox's notify sender calls.
 *
 * May import: node:*, nodemailer, ../errors.ts. Must not import: the store, http/, hono, react.
 */
import { PermanentError } from '../errors.ts';
import { sendChatwork } from './chatwork.ts';
import { sendEmail } from './email.ts';
import { sendGoogleChat } from './google-chat.ts';
import { sendLineWorks } from './line-works.ts';
import type { Sender, SendOptions } from './sender.ts';
import { sendSlack } from './slack.ts';
import { sendTeams } from './teams.ts';
import type { Channel, ChannelSend, ChannelType, NotificationMessage, SendResult } from './types.ts';
import { isChannelType, validateChannelSettings } from './validate-settings.ts';
import { sendWebhook } from './webhook.ts';

export type { SendOptions } from './sender.ts';
export { type SettingsIssue, validateChannelSettings } from './validate-settings.ts';

export const channelSenders: { [T in ChannelType]: Sender<T> } = {
  slack: sendSlack,
  teams: sendTeams,
  'google-chat': sendGoogleChat,
  chatwork: sendChatwork,
  'line-works': sendLineWorks,
  email: sendEmail,
  webhook: sendWebhook,
};

/**
 * Sends one notification to a channel. Settings that fail validation (edited in the database,
 * or saved before a rule existed) are a PermanentError naming the fields, never a send that is
 * bound to fail 24 hours long.
 */
export async function sendToChannel(
  channel: Channel,
  message: NotificationMessage,
  options?: SendOptions,
): Promise<SendResult> {
  if (!isChannelType(channel.type)) {
    throw new PermanentError(`unknown channel type ${JSON.stringify(channel.type)}`);
  }
  const issues = validateChannelSettings(channel.type, channel.settings);
  if (issues.length > 0) {
    // Paths only: the messages are for the form, and a value could be a secret.
    const paths = issues.map((issue) => issue.path || '/').join(', ');
    throw new PermanentError(`channel "${channel.name}" has invalid settings at ${paths}`);
  }
  const send = channelSenders[channel.type] as Sender<ChannelType>;
  return send(channel, message, options);
}

/** The same, as the plain ChannelSend contract of types.ts. */
export const channelSend: ChannelSend = (channel, message) => sendToChannel(channel, message);
