/**
 * Checks a channel's settings before they are saved (the API) and before a send (index.ts), so
 * a customer hears about a pasted-wrong URL or a truncated private key in the form, not as a
 * failed notification an hour later. Returns one issue per problem, with a JSON pointer into
 * the settings object and a Japanese message for the form. Validate the complete settings (with
 * stored secrets merged in), not a partial update.
 */
import { createPrivateKey } from 'node:crypto';
import { type ChannelType, channelTypes } from './types.ts';

export interface SettingsIssue {
  /** JSON pointer into the settings object, e.g. "/webhookUrl" or "/to/1". */
  path: string;
  message: string;
}

type Settings = Record<string, unknown>;
type Check = (settings: Settings, issues: SettingsIssue[]) => void;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
const isLoopback = (hostname: string) => loopbackHosts.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);

/** Printable ASCII without spaces: what fits in an HTTP header or a form field unchanged. */
const tokenPattern = /^[\x21-\x7e]+$/;
const emailPattern = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+$/;
const hostnamePattern =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const pemPattern =
  /^-----BEGIN (RSA )?PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END (RSA )?PRIVATE KEY-----$/;

function text(settings: Settings, key: string, label: string, issues: SettingsIssue[]): string | undefined {
  const value = settings[key];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    issues.push({ path: `/${key}`, message: `${label}を入力してください。` });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ path: `/${key}`, message: `${label}は文字列で入力してください。` });
    return undefined;
  }
  return value.trim();
}

function optionalText(settings: Settings, key: string, label: string, issues: SettingsIssue[]) {
  return settings[key] === undefined || settings[key] === '' ? undefined : text(settings, key, label, issues);
}

function token(settings: Settings, key: string, label: string, issues: SettingsIssue[], optional = false) {
  const value = optional ? optionalText(settings, key, label, issues) : text(settings, key, label, issues);
  if (value !== undefined && !tokenPattern.test(value)) {
    issues.push({
      path: `/${key}`,
      message: `${label}に空白や全角文字が含まれています。コピーし直してください。`,
    });
  }
  return value;
}

/** An https URL (http only for this machine, for local testing), optionally on given hosts. */
function url(
  settings: Settings,
  key: string,
  label: string,
  issues: SettingsIssue[],
  options: { optional?: boolean; hosts?: string[]; example?: string } = {},
) {
  const value = options.optional
    ? optionalText(settings, key, label, issues)
    : text(settings, key, label, issues);
  if (value === undefined) return;
  const example = options.example ? `（例: ${options.example}）` : '';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    issues.push({
      path: `/${key}`,
      message: `${label}は https:// で始まる URL を入力してください${example}。`,
    });
    return;
  }
  const loopback = isLoopback(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    issues.push({
      path: `/${key}`,
      message: `${label}は https:// で始まる URL を入力してください${example}。`,
    });
  } else if (options.hosts && !loopback && !options.hosts.includes(parsed.hostname)) {
    issues.push({
      path: `/${key}`,
      message: `${label}ではないようです${example}。コピーした URL を確かめてください。`,
    });
  } else if (parsed.username || parsed.password) {
    issues.push({ path: `/${key}`, message: `${label}にユーザー名やパスワードは含めないでください。` });
  }
}

function digits(settings: Settings, key: string, label: string, issues: SettingsIssue[], hint: string) {
  const value = settings[key];
  const textValue = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof textValue === 'string' && /^\d+$/.test(textValue.trim())) return;
  if (textValue === undefined || textValue === null || textValue === '') {
    issues.push({ path: `/${key}`, message: `${label}を入力してください。` });
  } else {
    issues.push({ path: `/${key}`, message: `${label}は半角数字で入力してください（${hint}）。` });
  }
}

function privateKey(settings: Settings, issues: SettingsIssue[]) {
  const value = text(settings, 'privateKey', 'Private Key', issues);
  if (value === undefined) return;
  const path = '/privateKey';
  if (!pemPattern.test(value)) {
    issues.push({
      path,
      message:
        'Private Key は -----BEGIN PRIVATE KEY----- から -----END PRIVATE KEY----- までを、改行を含めてそのまま貼り付けてください。',
    });
    return;
  }
  try {
    const key = createPrivateKey(value);
    if (key.asymmetricKeyType !== 'rsa') {
      issues.push({
        path,
        message: 'Private Key は RSA の秘密鍵が必要です（Developer Console で発行したもの）。',
      });
    }
  } catch {
    issues.push({
      path,
      message: 'Private Key を読み取れません。ファイルの中身を途中で切らずに貼り付けてください。',
    });
  }
}

/** An address, alone or as 「名前 <address>」. */
function isEmailAddress(value: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(value.trim());
  return emailPattern.test(named ? named[1]!.trim() : value.trim());
}

const checks: Record<ChannelType, Check> = {
  slack: (s, issues) =>
    url(s, 'webhookUrl', 'Slack の Incoming Webhook URL', issues, {
      hosts: ['hooks.slack.com'],
      example: 'https://hooks.slack.com/services/…',
    }),
  teams: (s, issues) => url(s, 'webhookUrl', 'Teams のワークフロー Webhook URL', issues),
  'google-chat': (s, issues) =>
    url(s, 'webhookUrl', 'Google Chat の Webhook URL', issues, {
      hosts: ['chat.googleapis.com'],
      example: 'https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…',
    }),
  chatwork: (s, issues) => {
    token(s, 'apiToken', 'API トークン', issues);
    digits(s, 'roomId', 'ルーム ID', issues, 'チャットの URL の「#!rid」に続く数字');
    url(s, 'apiBaseUrl', 'API の URL', issues, { optional: true });
  },
  'line-works': (s, issues) => {
    token(s, 'clientId', 'Client ID', issues);
    token(s, 'clientSecret', 'Client Secret', issues);
    token(s, 'serviceAccount', 'Service Account', issues);
    privateKey(s, issues);
    digits(s, 'botId', 'Bot ID', issues, 'Developer Console の Bot 一覧に表示される番号');
    const channelId = token(s, 'channelId', 'チャンネル ID', issues);
    if (channelId !== undefined && !/^[A-Za-z0-9_-]+$/.test(channelId)) {
      issues.push({
        path: '/channelId',
        message: 'チャンネル ID はトークルームのメニュー「チャンネル ID」の値を貼り付けてください。',
      });
    }
    url(s, 'authUrl', '認証サーバーの URL', issues, { optional: true });
    url(s, 'apiBaseUrl', 'API の URL', issues, { optional: true });
  },
  email: (s, issues) => {
    const host = text(s, 'host', 'SMTP サーバー', issues);
    if (host !== undefined && !hostnamePattern.test(host)) {
      issues.push({
        path: '/host',
        message: 'SMTP サーバーはホスト名だけを入力してください（例: smtp.example.jp）。',
      });
    }
    const port = s.port;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
      issues.push({
        path: '/port',
        message: 'ポート番号は 1〜65535 の整数で入力してください（通常は 587 か 465）。',
      });
    }
    if (typeof s.secure !== 'boolean') {
      issues.push({ path: '/secure', message: 'SSL/TLS で接続するかどうかを選んでください。' });
    } else if (port === 465 && !s.secure) {
      issues.push({
        path: '/secure',
        message: 'ポート 465 は SSL/TLS で接続します。SSL/TLS をオンにしてください。',
      });
    } else if ((port === 587 || port === 25) && s.secure) {
      issues.push({
        path: '/secure',
        message: `ポート ${port} は STARTTLS で暗号化します。SSL/TLS はオフにしてください。`,
      });
    }
    const user = optionalText(s, 'user', 'ユーザー名', issues);
    const password = optionalText(s, 'password', 'パスワード', issues);
    if (password !== undefined && user === undefined) {
      issues.push({ path: '/user', message: 'パスワードを使うときはユーザー名も入力してください。' });
    }
    const from = text(s, 'from', '差出人', issues);
    if (from !== undefined && !isEmailAddress(from)) {
      issues.push({
        path: '/from',
        message: '差出人はメールアドレスで入力してください（例: 受付 <info@example.jp>）。',
      });
    }
    const to = s.to;
    if (!Array.isArray(to) || to.length === 0) {
      issues.push({ path: '/to', message: '宛先のメールアドレスを 1 つ以上入力してください。' });
    } else {
      to.forEach((address, i) => {
        if (typeof address !== 'string' || !isEmailAddress(address)) {
          issues.push({ path: `/to/${i}`, message: `宛先 ${i + 1} はメールアドレスではありません。` });
        }
      });
    }
  },
  webhook: (s, issues) => {
    url(s, 'url', '送信先 URL', issues);
    const secret = token(s, 'secret', '署名用シークレット', issues);
    if (secret !== undefined && secret.length < 16) {
      issues.push({ path: '/secret', message: '署名用シークレットは 16 文字以上にしてください。' });
    }
  },
};

/** Settings every kind may have, beyond those its check reads. */
const knownFields: Record<ChannelType, readonly string[]> = {
  slack: ['webhookUrl'],
  teams: ['webhookUrl'],
  'google-chat': ['webhookUrl'],
  chatwork: ['apiToken', 'roomId', 'apiBaseUrl'],
  'line-works': [
    'clientId',
    'clientSecret',
    'serviceAccount',
    'privateKey',
    'botId',
    'channelId',
    'authUrl',
    'apiBaseUrl',
  ],
  email: ['host', 'port', 'secure', 'user', 'password', 'from', 'to'],
  webhook: ['url', 'secret'],
};

export const isChannelType = (type: unknown): type is ChannelType =>
  typeof type === 'string' && (channelTypes as readonly string[]).includes(type);

export function validateChannelSettings(type: string, settings: unknown): SettingsIssue[] {
  if (!isChannelType(type)) return [{ path: '', message: `通知先の種類「${type}」には対応していません。` }];
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
    return [{ path: '', message: '通知先の設定がありません。' }];
  }
  const issues: SettingsIssue[] = [];
  checks[type](settings as Settings, issues);
  for (const key of Object.keys(settings)) {
    if (knownFields[type].includes(key)) continue;
    const pointer = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    issues.push({ path: pointer, message: `不明な設定項目「${key}」です。` });
  }
  return issues;
}
