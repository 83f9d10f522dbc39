/**
 * /api/channels through the real app: write-only secrets, settings validated by the channel
 * kinds, the test button against a loopback server, flows checked against the stored channels,
 * delivery status in the call detail — and a search of every response body and log line for
 * each secret (issue 5's acceptance: secrets appear in no API response, log line or export).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelSend, validateChannelSettings } from '../effects/channels/index.ts';
import { loopbackServers } from '../effects/channels/testing/use-loopback.ts';
import { webhookSignature } from '../effects/channels/webhook.ts';
import { notifySender } from '../effects/notify-sender.ts';
import { createOutboxWorker } from '../effects/outbox-worker.ts';
import { notifyDemoFlow } from '../effects/testing/notify-fixtures.ts';
import { jsonPost, type TestApp, testApp } from './testing/test-app.ts';

const startServer = loopbackServers();
const webhookSecret = 'wh-SECRET-0f3b8d61a2c4';
const slackUrl = 'https://hooks.slack.com/services/T0AAAA/B0BBBB/SlackSecretXyz0987';
const secrets = [webhookSecret, slackUrl, 'SlackSecretXyz0987'];

let app: TestApp;
/** Every body the API answered in this test, for the secret search. */
let bodies: string[];
const call = async (path: string, init: RequestInit = {}) => {
  const response = await app.request(path, init);
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
};
const put = (path: string, body: unknown) => call(path, { ...jsonPost(body), method: 'PUT' });

beforeEach(async () => {
  bodies = [];
  app = await testApp({ deps: { sendToChannel: channelSend, validateChannelSettings } });
});
afterEach(() => app.close());

describe('channels API', () => {
  it('lists the example channels as unconfigured placeholders with id, type and name', async () => {
    const { body } = await call('/api/channels');
    expect(body).toContainEqual(
      expect.objectContaining({
        id: 'support-teams',
        type: 'teams',
        name: 'サポートチーム(Microsoft Teams)',
        settings: {},
        secretsSet: [],
        health: {
          status: 'unknown',
          consecutiveFailures: 0,
          lastError: null,
          lastErrorAt: null,
          lastSuccessAt: null,
        },
      }),
    );
  });

  it('stores a channel, never shows its secret, and keeps it when a save leaves it out', async () => {
    const server = await startServer(() => ({ status: 200 }));
    const created = await put('/api/channels/staff', {
      name: 'スタッフ',
      type: 'webhook',
      settings: { url: `${server.url}/hook`, secret: webhookSecret },
    });
    expect(created).toEqual({
      status: 201,
      body: expect.objectContaining({
        id: 'staff',
        settings: { url: `${server.url}/hook` },
        secretsSet: ['secret'],
      }),
    });
    // The channels page saves a rename without the secret (omitted, then empty): both keep it.
    expect(
      (
        await put('/api/channels/staff', {
          name: '受付',
          type: 'webhook',
          settings: { url: `${server.url}/hook` },
        })
      ).status,
    ).toBe(200);
    await put('/api/channels/staff', {
      name: '受付',
      type: 'webhook',
      settings: { url: `${server.url}/hook`, secret: '' },
    });
    expect((await call('/api/channels/staff')).body).toMatchObject({ name: '受付', secretsSet: ['secret'] });

    expect(await call('/api/channels/staff/test', { method: 'POST' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    const [request] = server.requests;
    expect(request?.headers['x-flowcall-signature']).toBe(
      webhookSignature(webhookSecret, request?.body ?? ''),
    );
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      test: true,
      text: expect.stringContaining('「受付」'),
    });
    expect((await call('/api/channels/staff')).body.health).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
    });
  });

  it('answers 422 with the issues of settings a channel cannot use', async () => {
    const bad = await put('/api/channels/staff', {
      name: 'スタッフ',
      type: 'webhook',
      settings: { url: 'ftp://example.jp', secret: 'short' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['/secret', '/url']);
    const kind = await put('/api/channels/staff', { name: '', type: 'fax', settings: {} });
    expect(kind.status).toBe(422);
    expect(kind.body.issues.map((i: { path: string }) => i.path)).toEqual(['/name', '/type']);
    expect(
      (await put('/api/channels/Bad_Id', { name: 'x', type: 'slack', settings: { webhookUrl: slackUrl } }))
        .status,
    ).toBe(422);
    expect((await call('/api/channels/staff')).status).toBe(404);
  });

  it('reports a failed test send as 502 with the error, without the secret the provider quoted', async () => {
    const server = await startServer(() => ({
      status: 500,
      body: `invalid signature for secret ${webhookSecret}`,
    }));
    await put('/api/channels/staff', {
      name: 'スタッフ',
      type: 'webhook',
      settings: { url: `${server.url}/hook`, secret: webhookSecret },
    });
    const answer = await call('/api/channels/staff/test', { method: 'POST' });
    expect(answer.status).toBe(502);
    expect(answer.body).toEqual({ ok: false, error: expect.stringMatching(/HTTP 500/) });
    expect(answer.body.error).toContain('***');
  });

  it('deletes a channel, after which flows naming it no longer validate', async () => {
    await put('/api/channels/staff', { name: 'スタッフ', type: 'slack', settings: { webhookUrl: slackUrl } });
    expect((await put('/api/flows/notify-demo', notifyDemoFlow('staff'))).status).toBe(200);
    expect((await call('/api/channels/staff', { method: 'DELETE' })).status).toBe(204);
    expect((await call('/api/channels/staff', { method: 'DELETE' })).status).toBe(404);
    const refused = await put('/api/flows/notify-demo', notifyDemoFlow('staff'));
    expect(refused.status).toBe(422);
    expect(refused.body.issues).toContainEqual(expect.objectContaining({ code: 'unknown-channel' }));
  });
});

describe('secrets stay secret', () => {
  it('appear in no API response, no log line and no exported flow, through a whole call', async () => {
    const server = await startServer((_, index) =>
      index < 2 ? { status: 500, body: `bad ${webhookSecret}` } : { status: 200 },
    );
    await put('/api/channels/staff', {
      name: 'スタッフ',
      type: 'webhook',
      settings: { url: `${server.url}/hook`, secret: webhookSecret },
    });
    await put('/api/channels/slack-room', {
      name: 'Slack',
      type: 'slack',
      settings: { webhookUrl: slackUrl },
    });
    await put('/api/channels/slack-room', { name: 'Slack 2', type: 'slack', settings: {} });
    await call('/api/channels');
    await call('/api/channels/slack-room');
    await call('/api/channels/staff/test', { method: 'POST' });

    // A flow that notifies the channel, published and called.
    await put('/api/flows/notify-demo', notifyDemoFlow('staff'));
    await call('/api/flows/notify-demo/publish', jsonPost({ comment: '公開' }));
    await put('/api/numbers/05098765432', { label: 'テスト', flowId: 'notify-demo', lines: 1 });
    await call('/vonage/answer?to=815098765432&from=819012345678&uuid=s1&conversation_uuid=CON-s1');
    const worker = createOutboxWorker({
      store: app.store,
      senders: {
        notify: notifySender({
          store: app.store,
          send: channelSend,
          validate: validateChannelSettings,
          clock: app.deps.clock,
        }),
      },
      clock: app.deps.clock,
      logger: app.logger,
    });
    await worker.runOnce();
    app.setTime('2026-11-24T12:01:00+09:00');
    await worker.runOnce();
    expect(server.requests).toHaveLength(3); // the failed test send, then the notification: one failure, one success

    const detail = await call('/api/calls/s1');
    expect(detail.body.notifications).toEqual([
      expect.objectContaining({
        kind: 'notify',
        channel: 'staff',
        status: 'sent',
        attempts: 2,
        lastError: expect.stringMatching(/HTTP 500/),
      }),
    ]);
    // Exports: the draft, the versions, the published document.
    await call('/api/flows/notify-demo');
    await call('/api/flows/notify-demo/versions');
    await call('/api/flows/notify-demo/versions/1');
    await call('/api/calls');

    const logLines = app.logger.entries.map((entry) => JSON.stringify(entry));
    expect(logLines.join('\n')).toMatch(/outbox item (failed|sent)/);
    expect(bodies.length).toBeGreaterThan(10);
    for (const secret of secrets) {
      for (const text of [...bodies, ...logLines]) expect(text).not.toContain(secret);
    }
  });
});
