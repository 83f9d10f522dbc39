import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.ts';
import {
  holidayAt,
  menuPrompt,
  openAt,
  shopFlow,
  shopSchedules,
  speechFlow,
  welcomeText,
} from './test-flows.ts';
import type { ScriptStep } from './types.ts';
import { speakingSeconds } from './virtual-clock.ts';

const run = (script: ScriptStep[], at = openAt, from = '090-1234-5678') =>
  simulate(shopFlow, script, { at, from, schedules: shopSchedules });

describe('simulate', () => {
  it('takes the closed path on a public holiday and the open path the next day', () => {
    expect(run([], holidayAt).path).toEqual(['welcome', 'hours', 'closed']);
    expect(run([{ press: '1' }]).path).toEqual(['welcome', 'hours', 'menu', 'sms', 'bye']);
  });

  it('sends the SMS to the caller and reports it as an effect and in the transcript', () => {
    const result = run([{ press: '1' }]);
    expect(result.result).toBe('completed');
    expect(result.vars['menu.choice']).toBe('1');
    expect(result.effects).toEqual([expect.objectContaining({ type: 'send-sms', to: '+819012345678' })]);
    expect(result.transcript).toContainEqual(expect.objectContaining({ who: 'caller', text: 'presses 1' }));
    expect(result.transcript).toContainEqual(
      expect.objectContaining({ who: 'note', text: expect.stringContaining('SMS to +819012345678') }),
    );
    expect(result.problems).toEqual([]);
  });

  it('moves a virtual clock: prompts spoken, then the wait of the step', () => {
    const result = run([{ press: '1' }]);
    const prompts = speakingSeconds(welcomeText) + speakingSeconds(menuPrompt);
    const pressedAt = new Date(Date.parse(openAt) + Math.round((prompts + 2) * 1000));
    const press = result.transcript.find((line) => line.who === 'caller');
    expect(Date.parse(press!.at)).toBe(pressedAt.getTime());
    // Times keep the offset the call started with.
    expect(press!.at).toMatch(/\+09:00$/);
    expect(Date.parse(result.endedAt)).toBeGreaterThan(pressedAt.getTime());
  });

  it('waits the menu timeout for silence, then follows the timeout port after the retries', () => {
    const result = run([{ silence: true }, { silence: true }]);
    expect(result.path).toEqual(['welcome', 'hours', 'menu', 'bye']);
    const callerLines = result.transcript.filter((line) => line.who === 'caller');
    expect(callerLines.map((line) => line.text)).toEqual(['(stays silent)', '(stays silent)']);
  });

  it('stops with a problem when a step does not fit what the call waits for', () => {
    const result = run([{ press: '2' }, { press: '1' }, { transfer: 'busy' }]);
    expect(result.problems).toEqual([
      {
        step: 1,
        message: "step 2 (press 1): the call is waiting for the transfer outcome at 'xfer', not for keys",
      },
    ]);
    expect(result.result).toBe('unfinished');
    expect(result.path.at(-1)).toBe('xfer');
  });

  it('reports steps left over after the call ended, keeping the result', () => {
    const result = run([{ press: '1' }, { press: '1' }, { silence: true }]);
    expect(result.result).toBe('completed');
    expect(result.problems.map((p) => p.message)).toEqual([
      'step 2 (press 1) was not used: the call had already ended',
      'step 3 (silence) was not used: the call had already ended',
    ]);
  });

  it('hangs up for the caller when the script runs out while the call waits', () => {
    const result = run([]);
    expect(result.result).toBe('caller-hangup');
    expect(result.problems).toEqual([]);
    expect(result.transcript.at(-1)).toMatchObject({
      who: 'note',
      text: expect.stringContaining('hangs up'),
    });
  });

  it('ends an answered transfer by itself, without a script step for the bridged call', () => {
    const result = run([{ press: '2' }, { transfer: 'answered' }]);
    expect(result.result).toBe('transferred');
    expect(result.vars['xfer.outcome']).toBe('answered');
    expect(result.actions).toContainEqual(
      expect.objectContaining({ type: 'transfer', to: ['+81312345678'] }),
    );
  });

  it('records voicemail with a simulated recording reference and the transcript', () => {
    const result = run([
      { press: '2' },
      { transfer: 'busy' },
      { record: '山田です。折り返しお願いします。' },
    ]);
    expect(result.result).toBe('completed');
    expect(result.vars['vm.recordingUrl']).toBe('sim://recording/sim-call/vm');
    expect(result.vars['vm.transcript']).toBe('山田です。折り返しお願いします。');
    expect(result.effects).toContainEqual(
      expect.objectContaining({
        type: 'notify',
        channel: 'staff',
        message: '留守電: 山田です。折り返しお願いします。',
      }),
    );
  });

  it('finishes a voicemail when the caller hangs up while recording', () => {
    const result = run([{ press: '2' }, { transfer: 'no-answer' }, { hangup: true }]);
    expect(result.problems).toEqual([]);
    expect(result.result).toBe('completed');
    expect(result.path).toEqual(['welcome', 'hours', 'menu', 'xfer', 'vm', 'notify', 'bye']);
    expect(result.effects.map((e) => e.type)).toEqual(['notify']);
  });

  it('sends speech to a menu that listens, and refuses it for one that does not', () => {
    const heard = simulate(speechFlow, [{ say: '予約したいです' }], { at: openAt });
    expect(heard.path).toEqual(['menu', 'booking']);
    const refused = run([{ say: '予約' }]);
    expect(refused.problems[0]?.message).toBe(
      "step 1 (say 予約): the menu at 'menu' listens for keys only, not for speech",
    );
  });

  it('counts every node and port in coverage, zero for those never reached', () => {
    const { coverage } = run([{ press: '1' }]);
    expect(coverage.nodes).toMatchObject({ welcome: 1, menu: 1, sms: 1, vm: 0, closed: 0 });
    expect(coverage.ports).toMatchObject({ 'menu:1': 1, 'menu:2': 0, 'menu:timeout': 0, 'sms:sent': 1 });
    expect(Object.keys(coverage.ports)).toContain('xfer:answered');
  });

  it('reports a loop that never waits as a failed call with its code', () => {
    const loop = {
      ...speechFlow,
      start: 'a',
      nodes: [
        { id: 'a', kind: 'say' as const, params: { text: 'あ' }, next: { next: 'b' } },
        { id: 'b', kind: 'say' as const, params: { text: 'い' }, next: { next: 'a' } },
      ],
    };
    const result = simulate(loop, [{ press: '1' }], { at: openAt });
    expect(result.result).toBe('failed');
    expect(result.failure?.code).toBe('step-limit');
    expect(result.problems).toEqual([
      { step: 0, message: 'step 1 (press 1) was not used: the call had already ended' },
    ]);
  });

  it('rejects a start time that is not an ISO 8601 instant with an offset', () => {
    expect(() => run([], '2026-11-24 12:00')).toThrow(RangeError);
    expect(() => run([], '2026-02-30T12:00:00+09:00')).toThrow(RangeError);
  });
});
