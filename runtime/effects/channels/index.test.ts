import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../errors.ts';
import { sendToChannel } from './index.ts';
import { type FakeSmtpServer, startFakeSmtp } from './testing/fake-smtp.ts';
import { channelOf, loopbackChannels, rejectionOf, sampleMessage } from './testing/fixtures.ts';
import type { RecordedRequest, Reply } from './testing/loopback-http.ts';
import { loopbackServers } from './testing/use-loopback.ts';
import { type ChannelType, channelTypes } from './types.ts';

const privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const startServer = loopbackServers();
let smtp: FakeSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

/** Answers like each provider does when all is well. */
const providerReply = (request: RecordedRequest): Reply => {
  if (request.path.endsWith('/oauth2/v2.0/token')) {
    return {
      status: 200,
      body: { access_token: 'lw-access-token-1', token_type: 'Bearer', expires_in: '86400' },
    };
  }
  if (request.path.startsWith('/line-works/')) return { status: 201 };
  if (request.path.startsWith('/chatwork/')) return { status: 200, body: { message_id: '42' } };
  if (request.path.startsWith('/chat/')) return { status: 200, body: { name: 'spaces/AAAA/messages/1' } };
  if (request.path.startsWith('/teams/')) return { status: 202 };
  return { status: 200, body: 'ok' };
};

const firstSegment = (request: RecordedRequest) => request.path.split('/')[1];

describe('sendToChannel', () => {
  it('delivers one notification through every kind of channel, each to its own provider', async () => {
    const server = await startServer(providerReply);
    smtp = await startFakeSmtp({ users: { notify: 'p@ss w0rd+日本語/0123' } });
    const channels = loopbackChannels(server.url, smtp.port, privateKeyPem);

    for (const type of channelTypes) await sendToChannel(channels[type], sampleMessage);

    expect(server.requests.map(firstSegment)).toEqual([
      'slack',
      'teams',
      'chat',
      'chatwork',
      'line-works', // the token
      'line-works', // the message
      'webhook',
    ]);
    // Every provider got the title, in its own format.
    for (const request of server.requests.filter((r) => !r.path.endsWith('/token'))) {
      const body = request.path.startsWith('/chatwork/')
        ? new URLSearchParams(request.body).get('body')
        : request.body;
      expect(body).toContain('着信: 090-1234-5678（山田様）');
    }
    expect(smtp.mails).toHaveLength(1);
  });

  it('refuses settings that fail validation as permanent, naming the fields and contacting no one', async () => {
    const server = await startServer(providerReply);
    const broken = channelOf('chatwork', {
      apiToken: '',
      roomId: 'rid98765',
      apiBaseUrl: `${server.url}/chatwork/v2`,
    });

    const error = await rejectionOf(sendToChannel(broken, sampleMessage));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe('channel "テスト chatwork" has invalid settings at /apiToken, /roomId');
    expect(server.requests).toEqual([]);
  });

  it('refuses a kind it does not know as permanent', async () => {
    const channel = {
      id: 'x',
      name: 'FAX',
      type: 'fax' as ChannelType,
      settings: { webhookUrl: 'https://x' },
    };

    const error = await rejectionOf(sendToChannel(channel, sampleMessage));

    expect(error).toBeInstanceOf(PermanentError);
  });
});
