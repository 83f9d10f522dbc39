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

/**
 * Secrets of the loopback channels below, with the characters that change when a secret is
 * URL-, form- or JSON-encoded: a test can search every error and log line for them.
 */
export const loopbackSecrets = {
  slackPath: 'Sl4ckSecretToken0123456789',
  teamsSig: 'Te4msSig+with/slash=0123',
  chatKey: 'AIzaChatKey_0123456789',
  chatToken: 'chatTok-SECRET_0123456789',
  chatworkToken: 'cw+Token/With=Specials0123',
  lineWorksSecret: 'lw+Secret/With=Specials0123',
  smtpPassword: 'p@ss w0rd+日本語/0123',
  webhookSecret: 'wh+Secret/With=Specials0123',
} as const;

let loopbackApps = 0;

/**
 * One channel of every kind, all pointed at loopback: the HTTP kinds at paths of one server
 * (LINE WORKS's token and bot endpoints under /line-works), email at an SMTP port.
 */
export function loopbackChannels(
  httpUrl: string,
  smtpPort: number,
  lineWorksPrivateKey: string,
): { [T in ChannelType]: Channel<T> } {
  const s = loopbackSecrets;
  return {
    slack: channelOf('slack', { webhookUrl: `${httpUrl}/slack/services/T0AAA/B0BBB/${s.slackPath}` }),
    teams: channelOf('teams', {
      webhookUrl: `${httpUrl}/teams/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=${encodeURIComponent(s.teamsSig)}`,
    }),
    'google-chat': channelOf('google-chat', {
      webhookUrl: `${httpUrl}/chat/v1/spaces/AAAA/messages?key=${s.chatKey}&token=${s.chatToken}`,
    }),
    chatwork: channelOf('chatwork', {
      apiToken: s.chatworkToken,
      roomId: '98765',
      apiBaseUrl: `${httpUrl}/chatwork/v2`,
    }),
    'line-works': channelOf('line-works', {
      // Its own app each time: LINE WORKS tokens are cached per app for the whole process.
      clientId: `lw-client-${++loopbackApps}`,
      clientSecret: s.lineWorksSecret,
      serviceAccount: 'abcde.serviceaccount@sakura',
      privateKey: lineWorksPrivateKey,
      botId: '2000001',
      channelId: 'room-1',
      authUrl: `${httpUrl}/line-works/oauth2/v2.0/token`,
      apiBaseUrl: `${httpUrl}/line-works/v1.0`,
    }),
    email: channelOf('email', {
      host: '127.0.0.1',
      port: smtpPort,
      secure: false,
      user: 'notify',
      password: s.smtpPassword,
      from: 'uketsuke@sakura-dental.example.jp',
      to: ['staff@sakura-dental.example.jp'],
    }),
    webhook: channelOf('webhook', { url: `${httpUrl}/webhook`, secret: s.webhookSecret }),
  };
}
