import { describe, expect, it } from 'vitest';
import { flowOf, TestCall } from '../test-helpers.ts';

const flow = flowOf([
  {
    id: 'callback',
    kind: 'input',
    params: {
      prompt: '折り返しのお電話番号を入力し、最後に#を押してください。',
      shape: 'jp-phone',
      readBack: true,
      retries: 1,
    },
    next: { done: 'thanks', invalid: 'sorry' },
  },
  { id: 'thanks', kind: 'say', params: { text: '{{callback.digits}} に折り返します。' } },
  { id: 'sorry', kind: 'hangup', params: { text: '番号を確認できませんでした。' } },
]);

describe('input', () => {
  it('collects up to 11 digits, finished by #', () => {
    const call = new TestCall(flow);
    expect(call.last.actions[1]).toMatchObject({
      type: 'collect',
      purpose: 'input',
      maxDigits: 11,
      submitOnHash: true,
    });
  });

  it('saves a valid Japanese number, reads it back and goes on', () => {
    const call = new TestCall(flow);
    call.press('0312345678#');
    expect(call.state.vars['callback.digits']).toBe('0312345678');
    expect(call.said).toContain('ご入力の番号は、0 3 1 2 3 4 5 6 7 8 です。');
    expect(call.said.at(-1)).toBe('0312345678 に折り返します。');
  });

  it('asks again after a number of the wrong shape, then takes `invalid`', () => {
    const call = new TestCall(flow);
    call.press('1234#');
    expect(call.said).toContain('入力を確認できませんでした。');
    expect(call.state.status).toBe('waiting');
    call.send({ type: 'timeout' });
    expect(call.state.path).toEqual(['callback', 'sorry']);
  });

  it('checks dates and mobile numbers', () => {
    const dates = flowOf([
      {
        id: 'd',
        kind: 'input',
        params: { prompt: '日付', shape: 'date', retries: 0 },
        next: { done: 'ok', invalid: 'ng' },
      },
      { id: 'ok', kind: 'hangup', params: {} },
      { id: 'ng', kind: 'hangup', params: {} },
    ]);
    const good = new TestCall(dates);
    good.press('20261124');
    expect(good.state.path.at(-1)).toBe('ok');
    const bad = new TestCall(dates);
    bad.press('20260230');
    expect(bad.state.path.at(-1)).toBe('ng');
  });
});
