import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { holidayAt, openAt, shopFlow, shopSchedule } from '../simulator/test-flows.ts';
import { flowcall, stackTrace, tempProject } from './test-helpers.ts';

const project = tempProject();
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

project.write('shop/flow.json', shopFlow);
project.write('shop/schedules/hours.json', shopSchedule);
project.write('shop/channels.json', { channels: [{ id: 'staff', type: 'slack', name: 'スタッフ' }] });
const smsCase = {
  name: '1でSMS',
  at: openAt,
  from: '090-1234-5678',
  script: [{ press: '1' }],
  expect: { result: 'completed', sms: [{ to: '+819012345678' }] },
};
const holidayCase = {
  name: '祝日は休み',
  at: holidayAt,
  from: 'anonymous',
  expect: { path: ['welcome', 'hours', 'closed'] },
};
project.write('shop/flow.test.json', { flow: 'flow.json', cases: [smsCase, holidayCase] });
// A second file for the same flow: its coverage adds to the first.
project.write('shop/more/voicemail.test.json', {
  flow: '../flow.json',
  cases: [
    {
      name: '話し中なら留守電',
      at: openAt,
      from: '090-1234-5678',
      script: [{ press: '2' }, { transfer: 'busy' }, { record: 'はい' }],
      expect: { result: 'completed', notifications: [{ channel: 'staff', includes: 'はい' }] },
    },
  ],
});

describe('flowcall test', () => {
  it('prints each case, the coverage per flow, and a final summary line; exit 0 when all pass', () => {
    const run = flowcall(['test', 'shop'], { cwd: project.dir });
    expect(run.lines).toContain('shop/flow.json');
    expect(run.lines).toContain('  shop/flow.test.json');
    expect(run.lines).toContain('    ✓ 1でSMS');
    expect(run.lines).toContain('  shop/more/voicemail.test.json');
    expect(run.lines).toContain('    ✓ 話し中なら留守電');
    expect(run.lines).toContain('  coverage: ports 10/14 (71%), nodes 9/9');
    expect(run.lines).toContain('  uncovered ports: menu:timeout, menu:invalid, sms:failed, xfer:answered');
    expect(run.lines.at(-1)).toBe('3 passed, 0 failed');
    expect(run.status).toBe(0);
  });

  it('shows why a case failed and exits 1', () => {
    const failing = tempProject();
    failing.write('flow.json', shopFlow);
    failing.write('schedules/hours.json', shopSchedule);
    failing.write('flow.test.json', {
      flow: 'flow.json',
      cases: [holidayCase, { ...smsCase, name: '間違った期待', expect: { result: 'transferred' } }],
    });
    const run = flowcall(['test'], { cwd: failing.dir });
    expect(run.lines).toContain('  ✗ 間違った期待');
    expect(run.lines).toContain('      result: expected transferred, got completed');
    expect(run.lines.filter((line) => /^\d+ passed, \d+ failed$/.test(line))).toEqual(['1 passed, 1 failed']);
    expect(run.lines.at(-1)).toBe('1 passed, 1 failed');
    expect(run.status).toBe(1);
    rmSync(failing.dir, { recursive: true, force: true });
  });

  it('fails every case of an invalid flow, and a test file that is not JSON counts as a failure', () => {
    const broken = tempProject();
    broken.write('flow.json', { ...shopFlow, start: 'nowhere' });
    broken.write('flow.test.json', { flow: 'flow.json', cases: [holidayCase] });
    broken.write('other/bad.test.json', '{ "flow": ');
    broken.write('node_modules/pkg/ignored.test.json', '{ not even json');
    const run = flowcall(['test', '.'], { cwd: broken.dir });
    expect(run.stdout).toMatch(/ {2}✗ 祝日は休み\n {6}flow is invalid: \/start: .*\[unknown-start\]/);
    expect(run.stdout).toContain(
      '✗ other/bad.test.json: not JSON: Unexpected end of JSON input (line 1, column 11)',
    );
    expect(run.stdout).not.toContain('ignored.test.json');
    expect(run.lines.at(-1)).toBe('0 passed, 2 failed');
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(stackTrace);
    rmSync(broken.dir, { recursive: true, force: true });
  });

  it('exits 2 for a path that does not exist', () => {
    const run = flowcall(['test', 'nowhere'], { cwd: project.dir });
    expect(run.stderr.trim()).toBe('nowhere: no such file or folder');
    expect(run.status).toBe(2);
  });
});
