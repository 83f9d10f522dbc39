import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../errors.ts';
import { sendLineWorks } from './line-works.ts';
import { type FakeLineWorks, readJwt, startFakeLineWorks } from './testing/fake-line-works.ts';
import { channelOf, rejectionOf, sampleMessage } from './testing/fixtures.ts';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const t0 = Date.parse('2026-11-22T05:05:30.000Z');
const minutes = (n: number) => t0 + n * 60_000;

let fake: FakeLineWorks | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Each test gets its own app (Client ID), so tokens cached by one test never serve another. */
async function setUp(expiresIn?: number) {
  const app = {
    publicKey,
    clientId: `cid-${randomUUID()}`,
    clientSecret: 'LWsecret-0123456789abcdef',
    serviceAccount: 'abcde.serviceaccount@sakura-dental',
    botId: '2000001',
    channelId: '12345a12-b12c-12d3-e123fghijkl',
    expiresIn,
  };
  fake = await startFakeLineWorks(app);
  const channel = channelOf('line-works', {
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    serviceAccount: app.serviceAccount,
    privateKey: privateKeyPem,
    botId: app.botId,
    channelId: app.channelId,
    authUrl: fake.authUrl,
    apiBaseUrl: fake.apiBaseUrl,
  });
  return { app, fake, channel };
}

describe('LINE WORKS bot message', () => {
  it('gets a token with an RS256 service-account JWT, then posts the text to the channel with it', async () => {
    const { app, fake, channel } = await setUp();

    await sendLineWorks(channel, sampleMessage, { now: () => t0 });

    const [tokenRequest, ...moreTokenRequests] = fake.tokenRequests();
    expect(moreTokenRequests).toEqual([]);
    expect(tokenRequest?.method).toBe('POST');
    expect(tokenRequest?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(tokenRequest?.body);
    expect([...form.keys()].sort()).toEqual([
      'assertion',
      'client_id',
      'client_secret',
      'grant_type',
      'scope',
    ]);
    expect(form.get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(form.get('client_id')).toBe(app.clientId);
    expect(form.get('client_secret')).toBe(app.clientSecret);
    expect(form.get('scope')).toBe('bot');
    const jwt = readJwt(form.get('assertion')!, publicKey);
    expect(jwt.signatureValid).toBe(true);
    expect(jwt.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(jwt.claims).toEqual({
      iss: app.clientId,
      sub: app.serviceAccount,
      iat: t0 / 1000,
      exp: t0 / 1000 + 3600,
    });
    // A key pair other than the app's does not verify it: the signature really is the key's.
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    expect(readJwt(form.get('assertion')!, other).signatureValid).toBe(false);

    const [message, ...moreMessages] = fake.messageRequests();
    expect(moreMessages).toEqual([]);
    expect(message?.method).toBe('POST');
    expect(message?.path).toBe(`/v1.0/bots/${app.botId}/channels/${app.channelId}/messages`);
    expect(message?.headers.authorization).toBe(`Bearer ${fake.issued[0]}`);
    expect(message?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(message!.body)).toEqual({
      content: {
        type: 'text',
        text: [
          '着信: 090-1234-5678（山田様）',
          sampleMessage.text,
          '日時: 2026年11月22日（日）14:05\n着信番号: 03-1234-5678（さくら歯科 代表）\nメニュー: 2: 予約の変更',
          `録音を聞く: ${sampleMessage.recordingUrl}`,
        ].join('\n\n'),
      },
    });
  });

  it('reuses the token for the next message while it is valid, and gets a new one once it expires', async () => {
    const { fake, channel } = await setUp(3600);

    await sendLineWorks(channel, sampleMessage, { now: () => minutes(0) });
    await sendLineWorks(channel, sampleMessage, { now: () => minutes(30) });
    expect(fake.tokenRequests()).toHaveLength(1);

    // Renewed a little before the hour is up, so no send starts with a token about to lapse.
    await sendLineWorks(channel, sampleMessage, { now: () => minutes(59) });

    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.tokensUsed()).toEqual([1, 1, 2]);
  });

  it('shares one token request between messages sent at the same moment', async () => {
    const { fake, channel } = await setUp();

    await Promise.all([1, 2, 3].map(() => sendLineWorks(channel, sampleMessage, { now: () => t0 })));

    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.tokensUsed()).toEqual([1, 1, 1]);
  });

  it('asks for a new token once when the API refuses the cached one, and delivers', async () => {
    const { fake, channel } = await setUp();
    await sendLineWorks(channel, sampleMessage, { now: () => t0 });
    fake.revoke(fake.issued[0]!);

    await sendLineWorks(channel, sampleMessage, { now: () => minutes(1) });

    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.tokensUsed()).toEqual([1, 1, 2]);
  });

  it('gives up, as permanent, when a fresh token is refused too', async () => {
    const { fake, channel } = await setUp();
    fake.failNextMessages(401, 2);

    const error = await rejectionOf(sendLineWorks(channel, sampleMessage, { now: () => t0 }));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/^LINE WORKS: HTTP 401/);
    expect(fake.tokenRequests()).toHaveLength(2);
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it('reports refused app credentials as permanent without sending the message', async () => {
    const { fake, channel } = await setUp();
    const wrong = { ...channel, settings: { ...channel.settings, clientSecret: 'wrong-secret-value-987' } };

    const error = await rejectionOf(sendLineWorks(wrong, sampleMessage, { now: () => t0 }));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe('LINE WORKS token: HTTP 401: {"error":"invalid_client"}');
    expect(fake.messageRequests()).toEqual([]);
  });

  it('retries a server error on the message call', async () => {
    const { fake, channel } = await setUp();
    fake.failNextMessages(500, 1);

    const error = await rejectionOf(sendLineWorks(channel, sampleMessage, { now: () => t0 }));

    expect(error).not.toBeInstanceOf(PermanentError);
    expect(error.message).toMatch(/^LINE WORKS: HTTP 500/);
    // The next attempt (the outbox's retry) goes through with the cached token.
    await sendLineWorks(channel, sampleMessage, { now: () => minutes(1) });
    expect(fake.tokenRequests()).toHaveLength(1);
    expect(fake.messageRequests()).toHaveLength(2);
  });

  it('refuses an unreadable private key as permanent, before any request', async () => {
    const { fake, channel } = await setUp();
    const broken = { ...channel, settings: { ...channel.settings, privateKey: privateKeyPem.slice(0, 200) } };

    const error = await rejectionOf(sendLineWorks(broken, sampleMessage, { now: () => t0 }));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toContain('private key');
    expect(fake.server.requests).toEqual([]);
  });
});
