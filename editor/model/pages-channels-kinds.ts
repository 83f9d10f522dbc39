/**
 * The kinds of notification channel the channels page offers, and the form fields each needs, in
 * the order a person fills them in. The runtime's contract is runtime/effects/channels/types.ts
 * (which the editor may not import): the field names and which of them are secrets must match
 * it — pages-channels-kinds.test.ts holds the two together. Labels and help are messages
 * (pages:channels.kinds.<kind>.fields.<name>).
 */

export const channelKinds = [
  'slack',
  'teams',
  'google-chat',
  'chatwork',
  'line-works',
  'email',
  'webhook',
] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const isChannelKind = (type: string): type is ChannelKind =>
  (channelKinds as readonly string[]).includes(type);

/**
 * How a field is typed: a line of text, a URL, a number of digits, a port, an on/off switch, a
 * list of email addresses; `multiline` for a pasted key file.
 */
export type ChannelInput = 'text' | 'url' | 'digits' | 'port' | 'switch' | 'emails' | 'email' | 'multiline';

export interface ChannelFieldSpec {
  name: string;
  input: ChannelInput;
  /** Write-only: shown as 「設定済み」, left empty to keep the stored value. */
  secret?: boolean;
  /** May be left empty (the runtime has a default or does without). */
  optional?: boolean;
  /** Rarely needed (another server than the provider's): folded away under 詳細設定. */
  advanced?: boolean;
}

export const channelFields: Record<ChannelKind, readonly ChannelFieldSpec[]> = {
  slack: [{ name: 'webhookUrl', input: 'url', secret: true }],
  teams: [{ name: 'webhookUrl', input: 'url', secret: true }],
  'google-chat': [{ name: 'webhookUrl', input: 'url', secret: true }],
  chatwork: [
    { name: 'apiToken', input: 'text', secret: true },
    { name: 'roomId', input: 'digits' },
    { name: 'apiBaseUrl', input: 'url', optional: true, advanced: true },
  ],
  'line-works': [
    { name: 'clientId', input: 'text' },
    { name: 'clientSecret', input: 'text', secret: true },
    { name: 'serviceAccount', input: 'text' },
    { name: 'privateKey', input: 'multiline', secret: true },
    { name: 'botId', input: 'digits' },
    { name: 'channelId', input: 'text' },
    { name: 'authUrl', input: 'url', optional: true, advanced: true },
    { name: 'apiBaseUrl', input: 'url', optional: true, advanced: true },
  ],
  email: [
    { name: 'to', input: 'emails' },
    { name: 'from', input: 'email' },
    { name: 'host', input: 'text' },
    { name: 'port', input: 'port' },
    { name: 'secure', input: 'switch' },
    { name: 'user', input: 'text', optional: true },
    { name: 'password', input: 'text', secret: true, optional: true },
  ],
  webhook: [
    { name: 'url', input: 'url' },
    { name: 'secret', input: 'text', secret: true },
  ],
};

/** The secret field names of a kind (as the runtime's secretFields lists them). */
export function secretFieldNames(kind: ChannelKind): string[] {
  return channelFields[kind].filter((f) => f.secret).map((f) => f.name);
}
