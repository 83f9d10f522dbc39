import { describe, expect, it } from 'vitest';
import type { TransferNode } from '../../../schema/generated/flow.ts';
import { flowOf, TestCall } from '../test-helpers.ts';

function transferFlow(params: Partial<TransferNode['params']>) {
  return flowOf([
    {
      id: 'xfer',
      kind: 'transfer',
      params: {
        announcement: '担当者におつなぎします。',
        destinations: [
          { number: '090-1111-2222', label: '店長' },
          { number: '03-1234-5678', label: '店舗' },
        ],
        ...params,
      },
      next: { answered: 'log', failed: 'vm' },
    },
    { id: 'log', kind: 'notify', params: { channel: 'staff', message: '転送応答' } },
    { id: 'vm', kind: 'say', params: { text: 'ただいま電話に出られません。{{xfer.outcome}}' } },
  ]);
}

describe('transfer', () => {
  it('rings destinations one after another, showing the called number', () => {
    const call = new TestCall(transferFlow({ ringSeconds: 20 }));
    expect(call.last.actions[1]).toEqual({
      type: 'transfer',
      nodeId: 'xfer',
      to: ['+819011112222'],
      ringSeconds: 20,
      from: '+815012345678',
      attempt: 1,
    });
    call.send({ type: 'transfer-ended', outcome: 'no-answer' });
    expect(call.last.actions).toMatchObject([{ type: 'transfer', to: ['+81312345678'], attempt: 2 }]);
    call.send({ type: 'transfer-ended', outcome: 'busy' });
    expect(call.state.path).toEqual(['xfer', 'vm']);
    expect(call.said.at(-1)).toBe('ただいま電話に出られません。busy');
  });

  it('rings all destinations at once when simultaneous, failing after one outcome', () => {
    const call = new TestCall(transferFlow({ ringing: 'simultaneous', callerId: '03-9876-5432' }));
    expect(call.last.actions[1]).toMatchObject({
      to: ['+819011112222', '+81312345678'],
      from: '+81398765432',
    });
    call.send({ type: 'transfer-ended', outcome: 'no-answer' });
    expect(call.state.vars['xfer.outcome']).toBe('no-answer');
    expect(call.state.path.at(-1)).toBe('vm');
  });

  it('after an answer, runs side effects, keeps the line until the bridge ends, then ends as transferred', () => {
    const call = new TestCall(transferFlow({}));
    call.send({ type: 'transfer-ended', outcome: 'answered' });
    expect(call.last.actions.map((a) => a.type)).toEqual(['notify']);
    expect(call.state).toMatchObject({ status: 'waiting', waiting: { kind: 'bridge', nodeId: 'xfer' } });
    call.send({ type: 'bridge-ended' });
    expect(call.state).toMatchObject({ status: 'ended', result: 'transferred' });
  });
});
