/**
 * Regressions for what the API fuzzer (runtime/http/fuzz/) found: each was a 500 with an
 * internal error for a request a client can send by mistake; each is now a 4xx saying what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const problem = async (response: Response) => ({
  status: response.status,
  error: ((await response.json()) as { error: string }).error,
});

describe('requests the fuzzer found answered with a 500', () => {
  it('a number in the URL with a stray "%" (URIError) is an invalid number, and an encoded one still works', async () => {
    expect(await problem(await app.request('/api/numbers/%'))).toEqual({
      status: 422,
      error: '"%" is not a valid phone number',
    });
    expect(await problem(await app.request('/api/numbers/050%25zz'))).toMatchObject({ status: 422 });
    const known = (await app.store.numbers.list())[0]?.number ?? '';
    expect((await app.request(`/api/numbers/${encodeURIComponent(known)}`)).status).toBe(200);
  });

  it('a contacts import claiming to be a multipart form that is not one is a 400', async () => {
    for (const body of ['', 'name,phone\r\n山田,090-1234-5678']) {
      const response = await app.request('/api/contacts/import', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body,
      });
      expect(await problem(response)).toEqual({
        status: 400,
        error: 'the body is not a valid multipart form',
      });
    }
  });

  it('a call list cursor that is not a time is a 400, and a real one still pages', async () => {
    for (const before of ['live', '+', 'yesterday']) {
      const response = await app.request(`/api/calls?before=${encodeURIComponent(before)}`);
      expect(await problem(response)).toEqual({
        status: 400,
        error: '"before" must be a time (ISO 8601), e.g. 2026-11-24T12:00:00+09:00',
      });
    }
    expect((await app.request('/api/calls?before=2026-11-24T12:00:00%2B09:00')).status).toBe(200);
  });
});
