import { describe, expect, it } from 'vitest';
import { startCall, step } from './engine.ts';
import { flowOf, TestCall } from './test-helpers.ts';

const menuFlow = flowOf([
  {
    id: 'menu',
    kind: 'menu',
    params: {
      prompt: 'ご予約は1、お問い合わせは2を押してください。',
      options: [
        { key: '1', label: 'ご予約', keywords: ['予約'] },
        { key: '2', label: 'お問い合わせ' },
      ],
      retries: 1,
      speech: true,
    },
    next: { '1': 'booked', '2': 'ask', invalid: 'sorry' },
  },
  { id: 'booked', kind: 'hangup', params: { text: '予約を承りました。' } },
  { id: 'ask', kind: 'hangup', params: { text: 'お問い合わせですね。' } },
  { id: 'sorry', kind: 'hangup', params: { text: '失礼いたします。' } },
]);

describe('menu', () => {
  it('plays the prompt, waits, and takes the option port for the key pressed', () => {
    const call = new TestCall(menuFlow);
    expect(call.state.status).toBe('waiting');
    expect(call.last.actions.map((a) => a.type)).toEqual(['say', 'collect']);
    call.press('2');
    expect(call.state.path).toEqual(['menu', 'ask']);
    expect(call.state.vars['menu.choice']).toBe('2');
    expect(call.state.result).toBe('completed');
    expect(call.said.at(-1)).toBe('お問い合わせですね。');
  });

  it('explains an invalid key, asks again, then gives up through `invalid`', () => {
    const call = new TestCall(menuFlow);
    call.press('9');
    expect(call.last.actions.map((a) => a.type)).toEqual(['say', 'say', 'collect']);
    expect(call.said).toContain('入力が正しくありません。');
    expect(call.state.waiting?.attempt).toBe(1);
    call.press('7');
    expect(call.state.path).toEqual(['menu', 'sorry']);
  });

  it('times out into an unconnected `timeout` port with an apology and a hang-up', () => {
    const call = new TestCall(menuFlow);
    call.send({ type: 'timeout' });
    call.send({ type: 'timeout' });
    expect(call.said).toContain('入力が確認できませんでした。');
    expect(call.said.at(-1)).toBe('申し訳ございません。お電話ありがとうございました。');
    expect(call.last.actions.at(-1)).toEqual({ type: 'hangup', nodeId: 'menu', reason: 'flow-end' });
    expect(call.state.result).toBe('completed');
  });

  it('matches spoken keywords and labels, and offers them as speech hints', () => {
    const call = new TestCall(menuFlow);
    const collect = call.last.actions.find((a) => a.type === 'collect');
    expect(collect).toMatchObject({
      speech: { language: 'ja-JP', hints: ['ご予約', '予約', 'お問い合わせ'] },
    });
    call.send({ type: 'speech', text: '予約をお願いします' });
    expect(call.state.vars['menu.choice']).toBe('1');
    expect(call.state.vars['menu.heard']).toBe('予約をお願いします');
  });
});

describe('turns and retries', () => {
  it('ignores a retried webhook for an older turn and leaves the state as it was', () => {
    const call = new TestCall(menuFlow);
    const before = call.state;
    call.press('9');
    const retry = step(
      menuFlow,
      call.state,
      { type: 'digits', digits: '9', at: call.at, seq: before.seq },
      call.env,
    );
    expect(retry.state).toBe(call.state);
    expect(retry.actions).toEqual([]);
    expect(retry.trace[0]).toMatchObject({ type: 'ignored' });
  });

  it('ignores events a waiting step does not take, and events after the end', () => {
    const call = new TestCall(menuFlow);
    const wrong = call.send({ type: 'recorded', recordingUrl: 'x' });
    expect(wrong.actions).toEqual([]);
    expect(wrong.trace[0]).toMatchObject({ type: 'ignored', event: 'recorded' });
    call.press('1');
    expect(call.state.status).toBe('ended');
    expect(call.send({ type: 'digits', digits: '1' }).trace[0]).toMatchObject({ type: 'ignored' });
  });

  it('ends with caller-hangup when the caller hangs up at a menu', () => {
    const call = new TestCall(menuFlow);
    call.send({ type: 'hangup' });
    expect(call.state).toMatchObject({ status: 'ended', result: 'caller-hangup' });
    expect(call.last.actions).toEqual([]);
  });

  it('fails a loop that never waits at the step limit, apologising before the hang-up', () => {
    const loop = flowOf([
      { id: 'a', kind: 'say', params: { text: 'A' }, next: { next: 'b' } },
      { id: 'b', kind: 'say', params: { text: 'B' }, next: { next: 'a' } },
    ]);
    const turn = startCall(loop, {
      callId: 'c',
      from: '09012345678',
      to: '0501234567',
      at: '2026-11-24T10:00:00+09:00',
    });
    expect(turn.state.result).toBe('failed');
    expect(turn.state.failure?.code).toBe('step-limit');
    expect(turn.actions.at(-2)).toMatchObject({
      type: 'say',
      text: expect.stringContaining('申し訳ございません'),
    });
    expect(turn.actions.at(-1)).toEqual({ type: 'hangup', reason: 'failed' });
    expect(turn.trace.at(-1)).toMatchObject({ type: 'end', result: 'failed', code: 'step-limit' });
  });

  it('sets the built-in caller and call variables in the flow time zone', () => {
    const flow = flowOf([
      { id: 'hi', kind: 'say', params: { text: '{{caller.national}} {{call.date}} {{call.time}}' } },
    ]);
    const turn = startCall(flow, {
      callId: 'c',
      from: '819012345678',
      to: '815012345678',
      at: '2026-11-23T15:30:00Z',
    });
    expect(turn.actions[0]).toMatchObject({ type: 'say', text: '090-1234-5678 2026-11-24 00:30' });
    expect(turn.state.vars['caller.number']).toBe('+819012345678');
    expect(turn.actions.at(-1)).toEqual({ type: 'hangup', nodeId: 'hi', reason: 'flow-end' });
  });
});
