/**
 * The editor's JSON API: validation errors as 422 + Issue[] with JSON pointers, immutable
 * published versions with rollback, schedules that apply to the next call, numbers, the call
 * log and the simulator — behind a token when one is configured.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../schema/kinds.ts';
import { demoNumber, jsonPost, type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp;
beforeEach(async () => {
  app = await testApp({ at: '2026-11-24T12:00:00+09:00' });
});
afterEach(() => app.close());

const put = (body: unknown) => ({ ...jsonPost(body), method: 'PUT' });
const json = async <T>(response: Response) => (await response.json()) as T;

const tinyFlow = (text: string): Flow => ({
  schemaVersion: 1,
  id: 'tiny',
  name: '小さなフロー',
  language: 'ja-JP',
  timezone: 'Asia/Tokyo',
  start: 'hello',
  nodes: [{ id: 'hello', kind: 'hangup', params: { text } }],
});

describe('flows', () => {
  it('lists the seeded examples', async () => {
    const flows = await json<Array<{ id: string; publishedVersion: number }>>(
      await app.request('/api/flows'),
    );
    expect(flows.map((f) => f.id).sort()).toEqual([
      'clinic-after-hours',
      'forwarding-050',
      'freedial-0120',
      'restaurant',
      'support-desk',
    ]);
    expect(flows.every((f) => f.publishedVersion === 1)).toBe(true);
  });

  it('refuses an invalid flow with 422 and the issues with JSON pointers, and keeps nothing', async () => {
    const bad = {
      ...tinyFlow('こんにちは'),
      nodes: [{ id: 'hello', kind: 'say', params: { text: 'x' }, next: { next: 'nowhere' } }],
    };
    const response = await app.request('/api/flows', jsonPost(bad));
    expect(response.status).toBe(422);
    const body = await json<{ issues: Array<{ code: string; path: string }> }>(response);
    expect(body.issues).toContainEqual(
      expect.objectContaining({ code: 'unknown-target', path: '/nodes/0/next/next' }),
    );
    expect((await app.request('/api/flows/tiny')).status).toBe(404);
  });

  it('rejects a body that is not JSON with a clear 400', async () => {
    const response = await app.request('/api/flows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(response.status).toBe(400);
    expect(await json<{ error: string }>(response)).toMatchObject({
      error: expect.stringContaining('not JSON'),
    });
  });

  it('publishes immutable numbered versions, lists them, and rolls back by publishing a copy', async () => {
    expect((await app.request('/api/flows', jsonPost(tinyFlow('一版')))).status).toBe(201);
    expect(
      await json(await app.request('/api/flows/tiny/publish', jsonPost({ comment: '初版' }))),
    ).toMatchObject({ version: 1, comment: '初版' });
    expect((await app.request('/api/flows/tiny', put(tinyFlow('二版')))).status).toBe(200);
    expect(
      await json(await app.request('/api/flows/tiny/publish', jsonPost({ comment: '修正' }))),
    ).toMatchObject({ version: 2 });
    const v1 = await json<{ document: Flow }>(await app.request('/api/flows/tiny/versions/1'));
    expect(v1.document.nodes[0]).toMatchObject({ params: { text: '一版' } });
    const rolled = await json<{ version: number; document: Flow }>(
      await app.request('/api/flows/tiny/rollback', jsonPost({ version: 1 })),
    );
    expect(rolled).toMatchObject({ version: 3, document: { nodes: [{ params: { text: '一版' } }] } });
    const versions = await json<Array<{ version: number }>>(await app.request('/api/flows/tiny/versions'));
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(await json(await app.request('/api/flows/tiny'))).toMatchObject({
      publishedVersion: 3,
      draft: { nodes: [{ params: { text: '一版' } }] },
    });
  });

  it('refuses a flow whose id does not match the URL', async () => {
    const response = await app.request('/api/flows/restaurant', put(tinyFlow('x')));
    expect(response.status).toBe(422);
  });
});

describe('schedules', () => {
  it('refuses an out-of-order window with its pointer, and applies a valid change to the next call', async () => {
    const schedule = await json<Record<string, unknown>>(
      await app.request('/api/schedules/restaurant-hours'),
    );
    const bad = await app.request(
      '/api/schedules/restaurant-hours',
      put({ ...schedule, weekly: { tue: [{ from: '18:00', to: '09:00' }] } }),
    );
    expect(bad.status).toBe(422);
    expect((await json<{ issues: Array<{ path: string; code: string }> }>(bad)).issues).toContainEqual(
      expect.objectContaining({ path: '/weekly/tue/0', code: 'window-out-of-order' }),
    );
    // Closed all Tuesday from now on: the next call at Tuesday noon takes the closed path, no republish.
    expect(
      (await app.request('/api/schedules/restaurant-hours', put({ ...schedule, weekly: {} }))).status,
    ).toBe(200);
    await app.request(`/vonage/answer?to=${demoNumber}&from=819012345678&uuid=c1&conversation_uuid=CON-c1`);
    expect((await app.store.calls.get('c1'))?.state?.path).toContain('closed-message');
  });
});

describe('numbers', () => {
  it('validates and saves a number with its line count and fallback', async () => {
    const bad = await app.request('/api/numbers/%2B815099990000', put({ flowId: 'restaurant', lines: 0 }));
    expect(bad.status).toBe(422);
    const ok = await app.request(
      '/api/numbers/050-9999-0000',
      put({ flowId: 'restaurant', lines: 3, fallbackNumber: '03-1234-5678', label: '予備' }),
    );
    expect(await json(ok)).toMatchObject({
      number: '+815099990000',
      lines: 3,
      fallbackNumber: '+81312345678',
    });
    expect(await json(await app.request('/api/numbers/%2B815099990000'))).toMatchObject({
      label: '予備',
      liveCalls: 0,
    });
  });
});

describe('calls and simulate', () => {
  it('shows a call with its path, variables and raw webhook events', async () => {
    await app.request(`/vonage/answer?to=${demoNumber}&from=819012345678&uuid=h1&conversation_uuid=CON-h1`);
    const list = await json<Array<{ id: string; status: string }>>(await app.request('/api/calls?limit=10'));
    expect(list).toContainEqual(expect.objectContaining({ id: 'h1', status: 'live' }));
    const detail = await json<{
      path: string[];
      vars: Record<string, string>;
      events: Array<{ kind: string; name: string }>;
      turns: Array<{ seq: number; response: Array<{ action: string }> }>;
    }>(await app.request('/api/calls/h1'));
    expect(detail.path).toEqual(['welcome', 'hours', 'open-menu']);
    expect(detail.vars['caller.number']).toBe('+819012345678');
    expect(detail.events.map((e) => [e.kind, e.name])).toEqual([
      ['webhook', 'answer'],
      ['trace', 'turn 1'],
    ]);
    // What the caller was told: the answer NCCO, kept per turn.
    expect(detail.turns).toHaveLength(1);
    expect(detail.turns[0]?.seq).toBe(0);
    expect(detail.turns[0]?.response.map((a) => a.action)).toContain('talk');
  });

  it('simulates a stored flow with a script', async () => {
    const result = await json<{ path: string[]; result: string }>(
      await app.request(
        '/api/simulate',
        jsonPost({ flowId: 'restaurant', at: '2026-11-23T12:00:00+09:00', script: [{ press: '1' }] }),
      ),
    );
    expect(result.path).toContain('closed-message');
    expect(result.result).toBe('completed');
    const bad = await app.request(
      '/api/simulate',
      jsonPost({ flowId: 'restaurant', script: [{ press: 'x' }] }),
    );
    expect(bad.status).toBe(422);
  });
});

describe('API token', () => {
  it('requires the bearer token when one is configured, but never for Vonage webhooks', async () => {
    await app.close();
    app = await testApp({ config: { apiToken: 'tok-123' } });
    expect((await app.anonymous('/api/flows')).status).toBe(401);
    expect((await app.request('/api/flows', { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    expect((await app.request('/api/flows', { headers: { authorization: 'Bearer tok-123' } })).status).toBe(
      200,
    );
    expect((await app.request(`/vonage/answer?to=${demoNumber}&from=819012345678&uuid=t1`)).status).toBe(200);
  });
});
