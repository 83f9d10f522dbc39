import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/types.ts';
import { nccoProblems } from '../vonage/testing/ncco-conformance.ts';
import { type FuzzApp, fuzzApp } from './fuzz/fuzz-app.ts';
import { apiBodyLimit, vonageBodyLimit } from './hardening.ts';
import { testApp } from './testing/test-app.ts';

let app: FuzzApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
const open = async () => {
  app = await fuzzApp();
  return app;
};

const post = (body: BodyInit, type = 'application/json'): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': type },
  body,
});
/** A body without a Content-Length (chunked): the limit must count the bytes as they come. */
const streamed = (bytes: number): RequestInit & { duplex: 'half' } => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: new ReadableStream({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += 16 * 1024)
        controller.enqueue(new Uint8Array(16 * 1024).fill(32));
      controller.close();
    },
  }),
  duplex: 'half',
});

describe('security headers', () => {
  it('are on API answers, webhook answers and 404s alike', async () => {
    const a = await open();
    for (const response of [
      await a.send('/api/flows'),
      await a.send('/vonage/event', post('{}')),
      await a.send('/api/no-such-route'),
      await a.send('/nothing-here'),
    ]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("worker-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      // The test app's public URL is https.
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });

  it('leave Strict-Transport-Security out on a server reached over http (npm start on localhost)', async () => {
    const local = await testApp({ config: { publicBaseUrl: 'http://localhost:8080' } });
    try {
      const response = await local.request('/vonage/event', post('{}'));
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await local.close();
    }
  });
});

describe('request size limits', () => {
  it('refuse an API body over 1 MB with 413 and a message in Japanese and English', async () => {
    const a = await open();
    const big = JSON.stringify({ id: 'big', name: 'x'.repeat(apiBodyLimit) });
    for (const init of [post(big), streamed(apiBodyLimit + 1)]) {
      const response = await a.send('/api/flows', init);
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: 'リクエストの本文が大きすぎます（上限 1 MB）。',
        errorEn: 'The request body is larger than 1 MB.',
        limitBytes: apiBodyLimit,
      });
    }
    expect(await a.store.flows.get('big')).toBeUndefined();
  });

  it('let the contacts CSV import take a 3 MB file, and stop it at 10 MB', async () => {
    const a = await open();
    const line = '山田 花子,090-1234-5678\r\n';
    const rows = Math.ceil((3 * 1024 * 1024) / Buffer.byteLength(line));
    const csv = `名前,電話番号\r\n${line.repeat(rows)}`;
    const accepted = await a.send('/api/contacts/import', post(csv, 'text/csv'));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ encoding: 'utf-8' });
    const refused = await a.send('/api/contacts/import', post('a'.repeat(10 * 1024 * 1024 + 1), 'text/csv'));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ errorEn: 'The request body is larger than 10 MB.' });
  });

  it('still answer a Vonage NCCO route over 64 KB with the safe NCCO, so the caller hears the apology', async () => {
    const a = await open();
    const padding = 'x'.repeat(vonageBodyLimit);
    for (const route of ['answer', 'input?c=c1&n=menu&s=1', 'connect?c=c1&n=t&s=1', 'fallback']) {
      const body = JSON.stringify({ uuid: 'u1', to: '815012345678', from: '819012345678', padding });
      for (const init of [post(body), streamed(vonageBodyLimit + 10)]) {
        const response = await a.send(`/vonage/${route}`, init);
        expect(response.status, route).toBe(413);
        const ncco = (await response.json()) as Array<Record<string, unknown>>;
        expect(nccoProblems(ncco), route).toEqual([]);
        expect(ncco[0]).toMatchObject({ action: 'talk' });
      }
    }
    expect(await a.store.calls.get('u1')).toBeUndefined();
  });

  it('refuse an acknowledging Vonage route over 64 KB with a plain 413', async () => {
    const a = await open();
    const response = await a.send(
      '/vonage/event',
      post(JSON.stringify({ status: 'completed', pad: 'y'.repeat(vonageBodyLimit) })),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ errorEn: 'The request body is larger than 64 KB.' });
  });
});

describe('error answers', () => {
  it('never carry an internal message or a stack, and the log keeps what happened', async () => {
    const local = await testApp({
      // Routes read through the caller's workspace store (store.scoped), so that one breaks.
      wrapStore: (store) => {
        const broken = (s: Store): Store => ({
          ...s,
          flows: {
            ...s.flows,
            list: async () => {
              throw new Error('SQLITE_CORRUPT: database disk image is malformed (SELECT * FROM flows)');
            },
          },
        });
        return { ...broken(store), scoped: (id) => broken(store.scoped(id)) };
      },
    });
    try {
      const response = await local.request('/api/flows');
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        error: 'サーバーで問題が起きました。しばらくしてからもう一度お試しください。',
        errorEn: 'internal error',
      });
      expect(text).not.toMatch(/SQLITE|SELECT|at |\.ts/);
      const logged = local.logger.entries.find((e) => e.message === 'request failed');
      expect(logged?.fields).toMatchObject({ method: 'GET', path: '/api/flows' });
      expect(String(logged?.fields.error)).toContain('SQLITE_CORRUPT');
      expect(String(logged?.fields.stack)).toContain('hardening.test.ts');
    } finally {
      await local.close();
    }
  });
});
