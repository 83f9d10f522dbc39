/**
 * Test-only doubles for the effects tests: a fake SmsClient, a capturing logger, and a local
 * HTTP server that answers like Vonage's Messages API (the real SDK is pointed at it).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboxItem } from '../store/types.ts';
import type { EffectsLogger } from './outbox-worker.ts';
import type { SmsClient, SmsMessage } from './sms-sender.ts';

export interface FakeSmsClient extends SmsClient {
  sent: SmsMessage[];
  /** Errors thrown by the next sends, in order; an empty queue means success. */
  failures: Error[];
}

export function fakeSmsClient(): FakeSmsClient {
  const fake: FakeSmsClient = {
    sent: [],
    failures: [],
    async send(message) {
      const failure = fake.failures.shift();
      if (failure) throw failure;
      fake.sent.push(message);
      return { messageUuid: `msg-${fake.sent.length}` };
    },
  };
  return fake;
}

export function quietLogger(): EffectsLogger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

export function smsItem(key: string, payload: Record<string, unknown> = {}): OutboxItem {
  return {
    id: 1,
    kind: 'sms',
    idempotencyKey: key,
    callId: 'c1',
    payload: {
      to: '+819012345678',
      from: 'FLOWCALL',
      text: 'ご予約ありがとうございます',
      idempotencyKey: key,
      ...payload,
    },
    status: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-04-01T01:00:00.000Z',
    lastError: null,
    result: null,
    createdAt: '2026-04-01T01:00:00.000Z',
    updatedAt: '2026-04-01T01:00:00.000Z',
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeMessagesApi {
  /** Base URL to give the SDK as `apiHost`. */
  url: string;
  requests: RecordedRequest[];
  /** Answers for the next requests, in order; when empty: 202 with a fresh message_uuid. */
  answers: Array<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/** Vonage's Messages API, as far as sending one SMS goes: POST /v1/messages → 202. */
export async function startFakeMessagesApi(): Promise<FakeMessagesApi> {
  const requests: RecordedRequest[] = [];
  const answers: FakeMessagesApi['answers'] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : null,
      });
      const answer = answers.shift() ?? { status: 202, body: { message_uuid: `uuid-${requests.length}` } };
      const contentType = answer.status >= 400 ? 'application/problem+json' : 'application/json';
      res.writeHead(answer.status, { 'content-type': contentType }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answers,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A throwaway RSA key, as a Vonage application's private key is. */
export function testPrivateKey(): string {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
}

/** The claims of a JWT, unverified (the fake API only checks what the SDK sent). */
export function jwtClaims(authorization: string | undefined): Record<string, unknown> {
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
