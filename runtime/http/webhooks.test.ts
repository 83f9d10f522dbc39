import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nccoProblems } from '../vonage/testing/ncco-conformance.ts';
import { demoNumber, jsonPost, type TestApp, testApp } from './testing/test-app.ts';

type Ncco = Array<Record<string, unknown>>;
let app: TestApp;
beforeEach(async () => {
  app = await testApp({ at: '2026-11-24T12:00:00+09:00' });
});
afterEach(() => app.close());

const answerPath = (uuid: string, to = demoNumber) =>
  `/vonage/answer?to=${to}&from=819012345678&uuid=${uuid}&conversation_uuid=CON-${uuid}`;
const inputUrl = (ncco: Ncco) => {
  const input = ncco.find((a) => a.action === 'input');
  return new URL(String((input?.eventUrl as string[] | undefined)?.[0]));
};

describe('answer and input webhooks', () => {
  it('answers a GET with an NCCO, and the input eventUrl returns the next NCCO', async () => {
    const answer = await app.request(answerPath('u1'));
    expect(answer.status).toBe(200);
    const ncco = (await answer.json()) as Ncco;
    expect(nccoProblems(ncco)).toEqual([]);
    expect(ncco.map((a) => a.action)).toEqual(['talk', 'talk', 'input']);
    expect(ncco[0]).toMatchObject({ language: 'ja-JP', text: expect.stringContaining('和食処 みやび') });

    const url = inputUrl(ncco);
    expect(url.origin).toBe('https://ivr.flowcall.test');
    const next = await app.fetch(
      url.toString(),
      jsonPost({ dtmf: { digits: '1', timed_out: false }, uuid: 'u1', conversation_uuid: 'CON-1' }),
    );
    expect(next.status).toBe(200);
    const nextNcco = (await next.json()) as Ncco;
    expect(nccoProblems(nextNcco)).toEqual([]);
    expect(nextNcco[0]).toMatchObject({
      action: 'talk',
      text: expect.stringContaining('ショートメッセージをお送りいたしました'),
    });

    const call = await app.store.calls.get('u1');
    expect(call?.state?.path).toEqual(['welcome', 'hours', 'open-menu', 'send-form', 'sms-sent']);
    const sms = await app.store.outbox.list({ callId: 'u1' });
    expect(sms).toMatchObject([
      { kind: 'sms', status: 'pending', payload: { to: '+819012345678', from: 'FLOWCALL' } },
    ]);
  });

  it('accepts the answer webhook as POST JSON too', async () => {
    const response = await app.request(
      '/vonage/answer',
      jsonPost({ to: demoNumber, from: '819012345678', uuid: 'p1', conversation_uuid: 'CON-p1' }),
    );
    expect(((await response.json()) as Ncco).at(-1)).toMatchObject({ action: 'input' });
  });

  it('answers a retried webhook with the same NCCO and does not advance the call twice', async () => {
    const ncco = (await (await app.request(answerPath('u2'))).json()) as Ncco;
    const again = (await (await app.request(answerPath('u2'))).json()) as Ncco;
    expect(again).toEqual(ncco);
    const url = inputUrl(ncco).toString();
    const body = jsonPost({ dtmf: { digits: '9', timed_out: false }, uuid: 'u2' });
    const first = await (await app.fetch(url, body)).text();
    const retry = await (
      await app.fetch(url, jsonPost({ dtmf: { digits: '9', timed_out: false }, uuid: 'u2' }))
    ).text();
    expect(retry).toBe(first);
    const call = await app.store.calls.get('u2');
    expect(call?.state?.waiting?.attempt).toBe(1);
    expect(call?.state?.seq).toBe(2);
  });

  it('tells callers of an unknown number politely, and logs a missed call', async () => {
    const ncco = (await (await app.request(answerPath('u3', '81399998888'))).json()) as Ncco;
    expect(nccoProblems(ncco)).toEqual([]);
    expect(ncco[0]).toMatchObject({ action: 'talk', language: 'ja-JP' });
    expect(await app.store.calls.get('u3')).toMatchObject({
      status: 'ended',
      result: 'missed',
      missedReason: 'unknownNumber',
    });
  });

  it('refuses malformed input with a 4xx and still answers a safe NCCO', async () => {
    const response = await app.request('/vonage/answer', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"to": ',
    });
    expect(response.status).toBe(400);
    const ncco = (await response.json()) as Ncco;
    expect(nccoProblems(ncco)).toEqual([]);
    expect(ncco[0]).toMatchObject({ action: 'talk', text: expect.stringContaining('申し訳ございません') });
  });
});

describe('lines', () => {
  it('gives the third simultaneous call the busy message and frees a line when a call completes', async () => {
    const api = await app.request(`/api/numbers/%2B${demoNumber}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flowId: 'restaurant', lines: 2, label: 'デモ' }),
    });
    expect(api.status).toBe(200);
    for (const id of ['l1', 'l2'])
      expect(((await (await app.request(answerPath(id))).json()) as Ncco).at(-1)).toMatchObject({
        action: 'input',
      });
    const busy = (await (await app.request(answerPath('l3'))).json()) as Ncco;
    expect(busy).toEqual([
      expect.objectContaining({ action: 'talk', text: expect.stringContaining('混み合って') }),
    ]);
    expect(await app.store.calls.get('l3')).toMatchObject({ result: 'missed', missedReason: 'linesBusy' });

    const completed = await app.request(
      '/vonage/event',
      jsonPost({ uuid: 'l1', conversation_uuid: 'CON-l1', status: 'completed', duration: '30' }),
    );
    expect(completed.status).toBe(204);
    expect(await app.store.calls.get('l1')).toMatchObject({ status: 'ended', result: 'caller-hangup' });
    expect(((await (await app.request(answerPath('l4'))).json()) as Ncco).at(-1)).toMatchObject({
      action: 'input',
    });
  });
});
