/**
 * Notification channels: the kinds the product can send to, the settings each needs (which of
 * them are secrets), and the message every channel renders in its own format. Shared by the
 * channel senders (one file per kind in this folder), the notify outbox sender, the store
 * (secrets encrypted at rest) and the API (secrets write-only).
 */

export const channelTypes = [
  'slack',
  'teams',
  'google-chat',
  'chatwork',
  'line-works',
  'email',
  'webhook',
] as const;
export type ChannelType = (typeof channelTypes)[number];

export interface ChannelSettingsByType {
  /** Slack incoming webhook (the URL itself is the secret). */
  slack: { webhookUrl: string };
  /** Microsoft Teams workflow / incoming webhook taking an Adaptive Card. */
  teams: { webhookUrl: string };
  /** Google Chat space webhook (URL with key and token). */
  'google-chat': { webhookUrl: string };
  /** Chatwork API v2: POST /rooms/{roomId}/messages with X-ChatWorkToken. */
  chatwork: { apiToken: string; roomId: string; apiBaseUrl?: string };
  /** LINE WORKS API 2.0: service-account JWT → access token → bot message to a channel. */
  'line-works': {
    clientId: string;
    clientSecret: string;
    serviceAccount: string;
    privateKey: string;
    botId: string;
    channelId: string;
    authUrl?: string;
    apiBaseUrl?: string;
  };
  /** SMTP through nodemailer. */
  email: {
    host: string;
    port: number;
    secure: boolean;
    user?: string;
    password?: string;
    from: string;
    to: string[];
  };
  /** Any HTTPS endpoint: JSON POST signed with HMAC-SHA256 of the body. */
  webhook: { url: string; secret: string };
}

/** Settings that are secrets: encrypted at rest, never returned by the API, logged or exported. */
export const secretFields: { [T in ChannelType]: ReadonlyArray<keyof ChannelSettingsByType[T]> } = {
  slack: ['webhookUrl'],
  teams: ['webhookUrl'],
  'google-chat': ['webhookUrl'],
  chatwork: ['apiToken'],
  'line-works': ['clientSecret', 'privateKey'],
  email: ['password'],
  webhook: ['secret'],
};

export type ChannelSettings = ChannelSettingsByType[ChannelType];

export interface Channel<T extends ChannelType = ChannelType> {
  id: string;
  name: string;
  type: T;
  settings: ChannelSettingsByType[T];
}

/**
 * What a notification says, before a channel formats it. Built by the notify sender from the
 * call (caller in Japanese format, contact, time in the flow's time zone, number and flow,
 * menu choices, digits, transcripts, recording link) and the node's or flow's template.
 */
export interface NotificationMessage {
  /** One line, e.g. 「着信: 090-1234-5678（山田太郎様）」. */
  title: string;
  /** The rendered template text (plain text, may hold line breaks). */
  text: string;
  /** Labelled facts, shown as a table / fields where the channel can. */
  fields: Array<{ label: string; value: string }>;
  /** Signed, expiring link to listen to the recording, when there is one. */
  recordingUrl?: string;
  /** Sent for a channel's "send a test message" action. */
  test?: boolean;
}

/** What a send returns: the provider's id for the message, when it gives one. */
export interface SendResult {
  providerId?: string;
}

/**
 * Sends one message. Throws PermanentError (runtime/effects/errors.ts) for answers retrying
 * cannot fix (400/401/403/404, a rejected token), any other error to be retried by the outbox.
 */
export type ChannelSend<T extends ChannelType = ChannelType> = (
  channel: Channel<T>,
  message: NotificationMessage,
) => Promise<SendResult>;
