import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { holidayAt, openAt, shopFlow, shopSchedule } from '../simulator/test-flows.ts';
import { flowcall, stackTrace, tempProject } from './test-helpers.ts';

const project = tempProject();
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));
const flow = project.write('shop/flow.json', shopFlow);
project.write('shop/schedules/hours.json', shopSchedule);

const json = (args: string[]) => {
  const run = flowcall(['simulate', flow, ...args, '--json']);
  return { run, data: JSON.parse(run.stdout) as Record<string, unknown> };
};

describe('flowcall simulate', () => {
  it('--json prints path, actions, vars, result and effects; a holiday takes the closed path', () => {
    const closed = json(['--at', holidayAt, '--press', '1']);
    expect(Object.keys(closed.data)).toEqual(
      expect.arrayContaining(['path', 'actions', 'vars', 'result', 'effects']),
    );
    expect(closed.data.path).toEqual(['welcome', 'hours', 'closed']);
    // The call ended before the key press: the unused step is a script problem.
    expect(closed.run.stderr).toContain('problem: step 1 (press 1) was not used: the call had already ended');
    expect(closed.run.status).toBe(1);

    const open = json(['--at', openAt, '--press', '1']);
    expect(open.data.path).toEqual(['welcome', 'hours', 'menu', 'sms', 'bye']);
    expect(open.data.result).toBe('completed');
    expect(open.data.effects).toEqual([expect.objectContaining({ type: 'send-sms', to: '+819012345678' })]);
    expect(open.run.status).toBe(0);
  });

  it('plays the script steps in command-line order', () => {
    const { data, run } = json([
      '--at',
      openAt,
      '--press',
      '2',
      '--transfer',
      'busy',
      '--record',
      '折り返しお願いします',
      '--from',
      '03-1234-9999',
    ]);
    expect(run.status).toBe(0);
    expect(data.path).toEqual(['welcome', 'hours', 'menu', 'xfer', 'vm', 'notify', 'bye']);
    expect(data.vars).toMatchObject({
      'vm.transcript': '折り返しお願いします',
      'caller.number': '+81312349999',
    });
  });

  it('shows the transcript, path, SMS and result for people', () => {
    const run = flowcall(['simulate', flow, '--at', '2026-11-24T12:00', '--press', '1']);
    expect(run.status).toBe(0);
    expect(run.lines[0]).toBe('12:00:00  🔊 [welcome] お電話ありがとうございます。');
    expect(run.lines).toContainEqual(expect.stringMatching(/^12:00:\d\d {2}☎ {2}caller presses 1$/));
    expect(run.lines).toContain('path: welcome → hours → menu → sms → bye');
    expect(run.lines).toContain('SMS to +819012345678: ご予約フォーム https://example.jp/f');
    expect(run.lines.at(-1)).toBe('result: completed');
  });

  it('exits 1 with the problem on stderr when a step does not fit', () => {
    const run = flowcall(['simulate', flow, '--at', openAt, '--press', '2', '--press', '1']);
    expect(run.stderr.trim()).toBe(
      "problem: step 2 (press 1): the call is waiting for the transfer outcome at 'xfer', not for keys",
    );
    expect(run.lines.at(-1)).toBe('result: unfinished');
    expect(run.status).toBe(1);
  });

  it('without a script and without a terminal, the caller hangs up at once', () => {
    const run = flowcall(['simulate', flow, '--at', openAt]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('the script has no more steps: the caller hangs up');
    expect(run.lines.at(-1)).toBe('result: caller-hangup');
  });

  it('refuses an invalid flow with its issues on stderr, exit 1', () => {
    const bad = project.write('bad/flow.json', { ...shopFlow, start: 'nowhere' });
    const run = flowcall(['simulate', bad, '--at', openAt]);
    expect(run.stderr).toMatch(/bad\/flow\.json: \/start: .*\[unknown-start\]/);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
  });

  it('answers bad usage with the usage and exit 2, never a stack trace', () => {
    for (const args of [
      ['--bogus'],
      ['--press', 'x'],
      ['--transfer', 'maybe'],
      ['--at', 'next tuesday'],
      ['--at'],
    ]) {
      const run = flowcall(['simulate', flow, ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('Usage: flowcall simulate');
      expect(run.stderr).not.toMatch(stackTrace);
    }
    const noSchedules = flowcall(['simulate', flow, '--schedules', 'nowhere']);
    expect(noSchedules.stderr.trim()).toBe('nowhere: file or folder not found');
    expect(noSchedules.status).toBe(2);
    const missing = flowcall(['simulate', 'missing.json']);
    expect(missing.stderr.trim()).toBe('missing.json: file not found');
    expect(missing.status).toBe(2);
  });
});
