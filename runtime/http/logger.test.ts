import { describe, expect, it } from 'vitest';
import { isSecretName, jsonLogger, redactText } from './logger.ts';

const jwt =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJ2b25hZ2UiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVz';

function logged(fields: Record<string, unknown>, message = 'something happened') {
  const lines: string[] = [];
  jsonLogger((line) => lines.push(line)).error(message, fields);
  return { line: lines[0] ?? '', entry: JSON.parse(lines[0] ?? '{}') as Record<string, unknown> };
}

describe('the JSON logger keeps secrets out of the log', () => {
  it('replaces fields named like secrets, at any depth, whatever they hold', () => {
    const { line, entry } = logged({
      password: 'hunter2-ぱすわーど',
      user: { email: 'owner@example.jp', newPassword: 'correct horse' },
      headers: { Authorization: 'Basic dXNlcjpwYXNz', cookie: 'flowcall_session=abc123def' },
      channel: { settings: { privateKey: '-----BEGIN PRIVATE KEY-----\nMIIE…', client_secret: 's3cr3t' } },
      list: [{ apiKey: 'k-123456' }, { access_token: 'at-987654' }],
    });
    for (const secret of [
      'hunter2',
      'correct horse',
      'dXNlcjpwYXNz',
      'abc123def',
      'MIIE',
      's3cr3t',
      'k-123456',
      'at-987654',
    ])
      expect(line).not.toContain(secret);
    expect(entry.password).toBe('[redacted]');
    expect((entry.user as Record<string, unknown>).email).toBe('owner@example.jp');
  });

  it('keeps names that only describe a secret (its id, which are set, when it expires)', () => {
    for (const name of ['tokenId', 'secretsSet', 'tokenExpiresAt', 'scopes', 'callId'])
      expect(isSecretName(name), name).toBe(false);
    const { entry } = logged({ tokenId: 'tok_1', secretsSet: ['webhookUrl'] });
    expect(entry).toMatchObject({ tokenId: 'tok_1', secretsSet: ['webhookUrl'] });
  });

  it('masks bearer tokens, JWTs, URL passwords and link signatures inside any text', () => {
    const { line, entry } = logged(
      {
        error: `Error: upstream said 401 for Authorization: Bearer fc_live_0123456789abcdef and ${jwt}`,
        url: 'smtps://mailer:p%40ss-word@smtp.example.jp:465',
        link: 'https://ivr.example.jp/recordings/c1/n1?exp=1800000000&sig=AbCdEf012_-',
        plain: 'the call 8190… took the menu branch 1',
      },
      `refused ${jwt}`,
    );
    for (const secret of ['fc_live_0123456789abcdef', jwt, 'p%40ss-word', 'AbCdEf012_-'])
      expect(line).not.toContain(secret);
    expect(entry.url).toBe('smtps://mailer:[redacted]@smtp.example.jp:465');
    expect(entry.link).toBe('https://ivr.example.jp/recordings/c1/n1?exp=1800000000&sig=[redacted]');
    expect(entry.plain).toBe('the call 8190… took the menu branch 1');
    expect(entry.message).toBe('refused [redacted]');
  });

  it('writes an error as its name and message (JSON.stringify would write {})', () => {
    const { entry } = logged({ error: new TypeError(`bad header Bearer ${jwt}`) });
    expect(entry.error).toBe('TypeError: bad header Bearer [redacted]');
  });

  it('survives cycles and leaves ordinary values alone', () => {
    const loop: Record<string, unknown> = { n: 1 };
    loop.self = loop;
    const { entry } = logged({ loop, count: 3, ok: true, none: null });
    expect(entry).toMatchObject({ loop: { n: 1, self: '[…]' }, count: 3, ok: true, none: null });
    expect(redactText('no secrets here: 予約 0312345678')).toBe('no secrets here: 予約 0312345678');
  });
});
