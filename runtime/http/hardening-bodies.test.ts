import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../schema/issue.ts';
import { type TestApp, testApp } from './testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await testApp();
});
afterAll(() => app.close());

const send = async (method: string, path: string, body: string) => {
  const response = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body });
  return { status: response.status, body: (await response.json()) as { error: string; issues?: Issue[] } };
};

/** Every /api route that reads a JSON body. */
const routes: Array<[method: string, path: string]> = [
  ['POST', '/api/flows'],
  ['PUT', '/api/flows/restaurant'],
  ['POST', '/api/flows/restaurant/publish'],
  ['POST', '/api/flows/restaurant/rollback'],
  ['PUT', '/api/schedules/restaurant-hours'],
  ['PUT', '/api/numbers/0501234567'],
  ['POST', '/api/contacts'],
  ['PUT', '/api/contacts/c-1'],
  ['POST', '/api/simulate'],
  ['PUT', '/api/channels/staff-slack'],
  ['PUT', '/api/history/retention'],
];

describe('API bodies are checked before a route looks inside them', () => {
  it('text that is not JSON is a 400 saying so, on every route', async () => {
    for (const [method, path] of routes) {
      const { status, body } = await send(method, path, '{"comment": ');
      expect(status, `${method} ${path}`).toBe(400);
      expect(body.error, `${method} ${path}`).toMatch(/^the body is not JSON/);
    }
  });

  it('null, an array, a string or a number is a 422 (it used to be a TypeError and a 500 on some)', async () => {
    for (const [method, path] of routes) {
      for (const text of ['null', '[]', '"名前"', '42', 'true']) {
        const { status, body } = await send(method, path, text);
        expect(status, `${method} ${path} ${text}`).toBe(422);
        expect(body.error, `${method} ${path} ${text}`).toBeTruthy();
      }
    }
  });

  it('wrong types and unknown fields point at the field', async () => {
    const cases: Array<[string, string, unknown, string, string]> = [
      ['POST', '/api/flows/restaurant/publish', { comment: 5 }, '/comment', '"comment" must be a string'],
      [
        'POST',
        '/api/flows/restaurant/publish',
        { coment: 'typo' },
        '/coment',
        '"coment" is not a known field here',
      ],
      [
        'POST',
        '/api/flows/restaurant/rollback',
        { version: '1' },
        '/version',
        '"version" must be an integer',
      ],
      ['POST', '/api/flows/restaurant/rollback', {}, '/version', '"version" is required here'],
      ['PUT', '/api/history/retention', { months: 1.5 }, '/months', '"months" must be an integer'],
      ['PUT', '/api/history/retention', { months: 121 }, '/months', '"months" must be <= 120'],
      [
        'POST',
        '/api/simulate',
        { flowId: 'restaurant', script: 'press 1' },
        '/script',
        '"script" must be an array',
      ],
      ['POST', '/api/simulate', { flowId: ['restaurant'] }, '/flowId', '"flowId" must be a string'],
    ];
    for (const [method, path, doc, pointer, message] of cases) {
      const { status, body } = await send(method, path, JSON.stringify(doc));
      expect(status, `${path} ${JSON.stringify(doc)}`).toBe(422);
      expect(body.issues, `${path} ${JSON.stringify(doc)}`).toContainEqual(
        expect.objectContaining({ path: pointer, message }),
      );
    }
  });

  it('good bodies still work: publish without a body, rollback, retention, simulate by id', async () => {
    const published = await app.request('/api/flows/restaurant/publish', { method: 'POST' });
    expect(published.status).toBe(201);
    const { version } = (await published.json()) as { version: number };
    const rolled = await send('POST', '/api/flows/restaurant/rollback', JSON.stringify({ version }));
    expect(rolled.status).toBe(201);
    expect((await send('PUT', '/api/history/retention', '{"months": 24}')).status).toBe(200);
    const simulated = await send(
      'POST',
      '/api/simulate',
      JSON.stringify({ flowId: 'restaurant', script: [] }),
    );
    expect(simulated.status).toBe(200);
  });
});
