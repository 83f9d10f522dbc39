/**
 * How failures reach the outbox, for every channel: what retrying may fix is a plain Error (the
 * worker backs off and tries again for 24 hours), what it cannot is a PermanentError — and no
 * error message, which ends up in logs and on the delivery status page, carries a secret.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../errors.ts';
import { sendToChannel } from './index.ts';
import { type FakeSmtpServer, startFakeSmtp } from './testing/fake-smtp.ts';
import { loopbackChannels, loopbackSecrets, rejectionOf, sampleMessage } from './testing/fixtures.ts';
import { type RecordedRequest, type Reply, refusedPortUrl } from './testing/loopback-http.ts';
import { loopbackServers } from './testing/use-loopback.ts';
import type { Channel } from './types.ts';

const privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const httpTypes = ['slack', 'teams', 'google-chat', 'chatwork', 'line-works', 'webhook'] as const;
const accessToken = 'lw-ACCESS-token-0123456789';
const startServer = loopbackServers();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function smtpServer(options: Parameters<typeof startFakeSmtp>[0] = {}): Promise<FakeSmtpServer> {
  const smtp = await startFakeSmtp(options);
  closers.push(smtp.close);
  return smtp;
}

/** LINE WORKS gets its token, then every call answers `status`. */
const answering =
  (status: number, body: (request: RecordedRequest) => Reply = () => ({ status, body: { error: 'x' } })) =>
  (request: RecordedRequest): Reply =>
    request.path.endsWith('/oauth2/v2.0/token')
      ? { status: 200, body: { access_token: accessToken, expires_in: '86400' } }
      : body(request);

async function httpChannels(handler: (request: RecordedRequest) => Reply | Promise<Reply>) {
  const server = await startServer(handler);
  return { server, channels: loopbackChannels(server.url, 25, privateKeyPem) };
}

async function failuresOf(channels: Channel[], timeoutMs?: number): Promise<Error[]> {
  return Promise.all(
    channels.map((channel) => rejectionOf(sendToChannel(channel, sampleMessage, { timeoutMs }))),
  );
}

describe('answers worth retrying', () => {
  it.each([500, 502, 503, 429, 408])('HTTP %i is retried on every chat channel', async (status) => {
    const { channels } = await httpChannels(answering(status));

    const errors = await failuresOf(httpTypes.map((type) => channels[type]));

    for (const error of errors) {
      expect(error).not.toBeInstanceOf(PermanentError);
      expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('a provider that does not answer within the timeout is retried', async () => {
    const { channels } = await httpChannels(() => 'hang');
    const started = Date.now();

    const errors = await failuresOf(
      httpTypes.map((type) => channels[type]),
      200,
    );

    expect(Date.now() - started).toBeLessThan(5_000);
    for (const error of errors) {
      expect(error).not.toBeInstanceOf(PermanentError);
      expect(error.message).toMatch(/: no answer within 0\.2 s$/);
    }
  });

  it('a provider that refuses the connection is retried', async () => {
    const url = await refusedPortUrl();
    const channels = loopbackChannels(url, 25, privateKeyPem);

    const errors = await failuresOf(httpTypes.map((type) => channels[type]));

    for (const error of errors) {
      expect(error).not.toBeInstanceOf(PermanentError);
      expect(error.message).toMatch(/: could not connect \(ECONNREFUSED\)$/);
    }
  });

  it('an SMTP server that is down or never greets is retried', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const refused = new URL(await refusedPortUrl()).port;
    const silentPort = (silent.address() as { port: number }).port;
    const email = loopbackChannels('http://127.0.0.1:1', 25, privateKeyPem).email;

    const [down, mute] = await failuresOf(
      [
        { ...email, settings: { ...email.settings, port: Number(refused) } },
        { ...email, settings: { ...email.settings, port: silentPort } },
      ],
      300,
    );

    expect(down).not.toBeInstanceOf(PermanentError);
    expect(mute).not.toBeInstanceOf(PermanentError);
    expect(mute?.message).toBe('Email: the SMTP server did not answer in time');
  });
});

describe('answers retrying cannot fix', () => {
  it.each([400, 401, 403, 404, 410])('HTTP %i is permanent on every chat channel', async (status) => {
    const { channels } = await httpChannels(answering(status));

    const errors = await failuresOf(httpTypes.map((type) => channels[type]));

    for (const error of errors) {
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toContain(`HTTP ${status}`);
    }
  });

  it('a redirect is permanent and is not followed', async () => {
    const elsewhere = await startServer(() => ({ status: 200, body: 'ok' }));
    const { channels } = await httpChannels(
      answering(307, () => ({ status: 307, headers: { location: `${elsewhere.url}/stolen` } })),
    );

    const errors = await failuresOf(httpTypes.map((type) => channels[type]));

    for (const error of errors) {
      expect(error).toBeInstanceOf(PermanentError);
      expect(error.message).toContain('redirect');
    }
    expect(elsewhere.requests).toEqual([]);
  });
});

describe('secrets in error messages', () => {
  const secretForms = (secret: string) => [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
  ];
  const allSecrets = [
    ...Object.values(loopbackSecrets).flatMap(secretForms),
    accessToken,
    ...privateKeyPem.split('\n').filter((line) => line.length > 20),
  ];
  /** Not even a piece: an answer cut to length could end inside a secret. */
  const pieceLength = 10;
  const secretPieces = [
    ...new Set(
      allSecrets.flatMap((secret) =>
        Array.from({ length: secret.length - pieceLength + 1 }, (_, i) => secret.slice(i, i + pieceLength)),
      ),
    ),
  ];
  const expectNoSecrets = (messages: string[]) => {
    for (const message of messages) {
      const leaked = secretPieces.filter((piece) => message.includes(piece));
      expect(leaked, message).toEqual([]);
    }
  };

  /** A careless provider that quotes the request back, secrets first, in its error. */
  const echo = (status: number) => (request: RecordedRequest) => ({
    status,
    body: [request.path, request.headers['x-chatworktoken'], request.headers.authorization, request.body]
      .filter(Boolean)
      .join(' '),
  });

  it.each([401, 500])('never appear, even when a provider quotes the request in a %i', async (status) => {
    const { channels } = await httpChannels(echo(status));
    const { channels: afterToken } = await httpChannels(answering(status, echo(status)));

    const errors = await failuresOf([...httpTypes.map((type) => channels[type]), afterToken['line-works']]);

    expectNoSecrets(errors.map((error) => error.message));
    // The quote is there, with the secrets cut out.
    expect(errors[0]!.message).toMatch(new RegExp(`^Slack: HTTP ${status}: \\*\\*\\* \\{"text":`));
    expect(errors[3]!.message).toMatch(
      new RegExp(`^Chatwork: HTTP ${status}: /chatwork/v2/rooms/98765/messages \\*\\*\\* body=`),
    );
  });

  it('never appear when an SMTP server quotes the password in its refusal', async () => {
    const smtp = await smtpServer({
      users: { notify: 'the-right-one-0123' },
      authFailure: (_user, pass) => `bad password ${pass}`,
    });
    const { email } = loopbackChannels('http://127.0.0.1:1', smtp.port, privateKeyPem);

    const [error] = await failuresOf([email]);

    expect(error).toBeInstanceOf(PermanentError);
    expect(error?.message).toBe('Email: SMTP 535 bad password ***');
    expectNoSecrets([error!.message]);
  });
});
