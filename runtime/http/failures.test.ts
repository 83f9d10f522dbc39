/**
 * Failure paths a caller must never hear as silence: forged or stale signatures, a database
 * that throws or hangs, a flow that is gone. Each answers a deliberate NCCO, fast.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/types.ts';
import { nccoProblems } from '../vonage/testing/ncco-conformance.ts';
import { signToken, vonageClaims } from '../vonage/testing/sign-webhook.ts';
import { demoNumber, eventUrlOf, jsonPost, type TestApp, testApp } from './testing/test-app.ts';

type Ncco = Array<Record<string, unknown>>;
const secret = 'account-signature-secret';
const at = '2026-11-24T12:00:00+09:00';
const nowSeconds = new Date(at).getTime() / 1000;
let app: TestApp;
afterEach(() => app.close());

const answerQuery = (uuid: string) =>
  `to=${demoNumber}&from=819012345678&uuid=${uuid}&conversation_uuid=CON-${uuid}`;
/** Vonage hashes a GET's query parameters re-serialised as JSON. */
const getPayload = (query: string) => JSON.stringify(Object.fromEntries(new URLSearchParams(query)));
const bearer = (payload: string, iat = nowSeconds - 1, key = secret) => ({
  authorization: `Bearer ${signToken(vonageClaims(payload, iat), key)}`,
});

function expectApology(ncco: Ncco) {
  expect(nccoProblems(ncco)).toEqual([]);
  expect(ncco[0]).toMatchObject({
    action: 'talk',
    language: 'ja-JP',
    text: expect.stringContaining('申し訳ございません'),
  });
}

describe('signed webhooks', () => {
  it('accepts a valid signature and refuses forged, stale or tampered ones with a safe NCCO', async () => {
    app = await testApp({ at, config: { signatureSecret: secret } });
    const query = answerQuery('s1');
    const ok = await app.request(`/vonage/answer?${query}`, { headers: bearer(getPayload(query)) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as Ncco).at(-1)).toMatchObject({ action: 'input' });

    const cases = {
      forged: bearer(getPayload(answerQuery('s2')), nowSeconds - 1, 'not-the-secret'),
      stale: bearer(getPayload(answerQuery('s2')), nowSeconds - 3600),
      tampered: bearer(getPayload(answerQuery('other'))),
    };
    for (const [name, headers] of Object.entries(cases)) {
      const refused = await app.request(`/vonage/answer?${answerQuery('s2')}`, { headers });
      expect(refused.status, name).toBe(401);
      expectApology((await refused.json()) as Ncco);
    }
    expect(await app.store.calls.get('s2')).toBeUndefined();
    expect(app.logger.entries.filter((e) => e.message === 'webhook refused')).toHaveLength(3);
  });

  it('refuses an input webhook with a bad signature without advancing the call', async () => {
    app = await testApp({ at, config: { signatureSecret: secret } });
    const query = answerQuery('s3');
    const ncco = (await (
      await app.request(`/vonage/answer?${query}`, { headers: bearer(getPayload(query)) })
    ).json()) as Ncco;
    const url = eventUrlOf(ncco.at(-1));
    const body = JSON.stringify({ dtmf: { digits: '1', timed_out: false }, uuid: 's3' });
    const refused = await app.fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...bearer('{"tampered":true}') },
    });
    expect(refused.status).toBe(401);
    expectApology((await refused.json()) as Ncco);
    expect((await app.store.calls.get('s3'))?.state?.seq).toBe(1);
    expect((await app.store.calls.events('s3')).some((e) => e.kind === 'refused')).toBe(true);
  });

  it('refuses unsigned webhooks only when signatures are mandatory', async () => {
    app = await testApp({ at, config: { signatureSecret: secret, signatureRequired: true } });
    const refused = await app.request(`/vonage/answer?${answerQuery('s4')}`);
    expect(refused.status).toBe(401);
    expectApology((await refused.json()) as Ncco);
    const event = await app.request('/vonage/event', jsonPost({ uuid: 's4', status: 'completed' }));
    expect(event.status).toBe(401);
  });
});

/** Wraps the store so calls.get fails (throws or never answers) while `broken` says so. */
function breakable(mode: 'throw' | 'hang') {
  const control = { broken: false };
  const wrap = (store: Store): Store => ({
    ...store,
    calls: {
      ...store.calls,
      get: (id) => {
        if (!control.broken) return store.calls.get(id);
        return mode === 'throw'
          ? Promise.reject(new Error('SQLITE_IOERR: disk I/O error'))
          : new Promise(() => {});
      },
    },
  });
  return { control, wrap };
}

describe('database failures during a webhook', () => {
  it.each(['throw', 'hang'] as const)(
    'answer the fallback NCCO in under a second when the database %ss',
    async (mode) => {
      const { control, wrap } = breakable(mode);
      app = await testApp({ at, wrapStore: wrap, config: { fallbackNumber: '03-1234-0000' } });
      const ncco = (await (await app.request(`/vonage/answer?${answerQuery('d1')}`)).json()) as Ncco;
      control.broken = true;
      const started = performance.now();
      const response = await app.fetch(
        eventUrlOf(ncco.at(-1)),
        jsonPost({ dtmf: { digits: '1', timed_out: false }, uuid: 'd1' }),
      );
      const elapsed = performance.now() - started;
      expect(response.status).toBe(200);
      expect(elapsed).toBeLessThan(1000);
      const fallback = (await response.json()) as Ncco;
      expectApology(fallback);
      expect(fallback[1]).toMatchObject({
        action: 'connect',
        endpoint: [{ type: 'phone', number: '81312340000' }],
      });
      expect(app.logger.entries.some((e) => e.level === 'error' && e.fields.callId === 'd1')).toBe(true);
    },
  );
});

describe('a number whose flow is gone', () => {
  it('answers the fallback and logs a missed call', async () => {
    app = await testApp({ at });
    await app.request('/api/flows/restaurant', { method: 'DELETE' });
    const response = await app.request(`/vonage/answer?${answerQuery('g1')}`);
    expectApology((await response.json()) as Ncco);
    expect(await app.store.calls.get('g1')).toMatchObject({ result: 'missed', missedReason: 'noFlow' });
  });
});
