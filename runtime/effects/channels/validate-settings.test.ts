import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelSettingsByType } from './types.ts';
import { validateChannelSettings } from './validate-settings.ts';

const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

const valid: ChannelSettingsByType = {
  slack: { webhookUrl: 'https://hooks.slack.com/services/T0AAA/B0BBB/abcdef123456' },
  teams: {
    webhookUrl:
      'https://prod-12.japaneast.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x',
  },
  'google-chat': { webhookUrl: 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t' },
  chatwork: { apiToken: 'a1b2c3d4e5f6', roomId: '123456789' },
  'line-works': {
    clientId: 'bJLxxxxxxx',
    clientSecret: '8Adxxxx',
    serviceAccount: 'abcde.serviceaccount@sakura-dental',
    privateKey: rsaPem,
    botId: '2000001',
    channelId: '12345a12-b12c-12d3-e123fghijkl',
  },
  email: {
    host: 'smtp.example.jp',
    port: 587,
    secure: false,
    user: 'notify@example.jp',
    password: 'pw',
    from: 'さくら歯科 受付 <uketsuke@sakura-dental.example.jp>',
    to: ['staff@sakura-dental.example.jp'],
  },
  webhook: { url: 'https://crm.example.jp/hooks/flowcall', secret: 'whsec_0123456789abcdef' },
};

const pathsOf = (type: string, settings: unknown) =>
  validateChannelSettings(type, settings).map((i) => i.path);

describe('validateChannelSettings', () => {
  it('accepts the settings each provider hands out', () => {
    for (const [type, settings] of Object.entries(valid))
      expect(validateChannelSettings(type, settings)).toEqual([]);
  });

  it('accepts http only on this machine, for local testing', () => {
    expect(pathsOf('webhook', { ...valid.webhook, url: 'http://127.0.0.1:8080/hook' })).toEqual([]);
    expect(pathsOf('slack', { webhookUrl: 'http://localhost:9000/services/x' })).toEqual([]);
    expect(pathsOf('webhook', { ...valid.webhook, url: 'http://crm.example.jp/hook' })).toEqual(['/url']);
  });

  it('says in Japanese which field is missing', () => {
    const issues = validateChannelSettings('chatwork', { roomId: '123' });
    expect(issues).toEqual([{ path: '/apiToken', message: 'API トークンを入力してください。' }]);
  });

  it('catches a URL pasted into the wrong channel or not a URL at all', () => {
    expect(pathsOf('slack', { webhookUrl: 'https://chat.googleapis.com/v1/spaces/A/messages' })).toEqual([
      '/webhookUrl',
    ]);
    expect(pathsOf('google-chat', { webhookUrl: 'hooks.slack.com/services/x' })).toEqual(['/webhookUrl']);
    expect(pathsOf('teams', { webhookUrl: 'https://user:pw@example.com/hook' })).toEqual(['/webhookUrl']);
  });

  it('wants Chatwork room ids as digits and tokens without spaces', () => {
    const issues = validateChannelSettings('chatwork', { apiToken: 'abc def', roomId: 'rid123' });
    expect(issues.map((i) => i.path)).toEqual(['/apiToken', '/roomId']);
    expect(issues[1]?.message).toContain('#!rid');
  });

  it('checks the LINE WORKS private key is a whole RSA key in PEM', () => {
    const truncated = rsaPem.slice(0, rsaPem.length - 40);
    const corrupted = rsaPem.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
    for (const privateKey of ['abc', truncated, corrupted, ecPem]) {
      expect(pathsOf('line-works', { ...valid['line-works'], privateKey })).toEqual(['/privateKey']);
    }
    expect(pathsOf('line-works', { ...valid['line-works'], privateKey: `\n${rsaPem}\n` })).toEqual([]);
    expect(pathsOf('line-works', { ...valid['line-works'], botId: 'bot', channelId: 'a/b' })).toEqual([
      '/botId',
      '/channelId',
    ]);
  });

  it('checks email addresses, the port range and that the port matches SSL/TLS', () => {
    const email = valid.email;
    expect(pathsOf('email', { ...email, port: 0 })).toEqual(['/port']);
    expect(pathsOf('email', { ...email, port: 70000 })).toEqual(['/port']);
    expect(pathsOf('email', { ...email, port: '587' })).toEqual(['/port']);
    expect(pathsOf('email', { ...email, port: 465, secure: false })).toEqual(['/secure']);
    expect(pathsOf('email', { ...email, port: 465, secure: true })).toEqual([]);
    expect(pathsOf('email', { ...email, host: 'smtp://smtp.example.jp' })).toEqual(['/host']);
    expect(pathsOf('email', { ...email, from: '受付' })).toEqual(['/from']);
    expect(pathsOf('email', { ...email, to: [] })).toEqual(['/to']);
    expect(pathsOf('email', { ...email, to: ['ok@example.jp', 'not-an-address', 'a@b'] })).toEqual([
      '/to/1',
      '/to/2',
    ]);
    expect(pathsOf('email', { ...email, user: undefined })).toEqual(['/user']);
  });

  it('wants a webhook secret long enough to sign with', () => {
    expect(pathsOf('webhook', { ...valid.webhook, secret: 'short' })).toEqual(['/secret']);
  });

  it('reports unknown settings, unknown kinds and missing settings', () => {
    expect(pathsOf('slack', { ...valid.slack, channel: '#general' })).toEqual(['/channel']);
    expect(pathsOf('fax', {})).toEqual(['']);
    expect(pathsOf('slack', null)).toEqual(['']);
    expect(pathsOf('slack', [])).toEqual(['']);
  });
});
