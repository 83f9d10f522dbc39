import { describe, expect, it } from 'vitest';
import type { Case, Expect } from '../../schema/generated/flow-test.ts';
import { runFlowTests } from './flow-tests.ts';
import { holidayAt, openAt, shopFlow, shopSchedules } from './test-flows.ts';

const context = { schedules: shopSchedules, channels: ['staff'] };
const voicemail: Case['script'] = [{ press: '2' }, { transfer: 'busy' }, { record: '山田です' }];

/** Runs one case and returns its failure reasons ([] when it passed). */
function reasonsFor(expect: Expect, script: Case['script'] = [{ press: '1' }], at = openAt): string[] {
  const doc = { flow: 'flow.json', cases: [{ name: 'case', at, from: '090-1234-5678', script, expect }] };
  return runFlowTests(doc, shopFlow, context).cases[0]!.reasons;
}

describe('runFlowTests', () => {
  it('passes a case whose expectations all hold, with numbers written any Japanese way', () => {
    const reasons = reasonsFor({
      result: 'completed',
      path: ['welcome', 'hours', 'menu', 'sms', 'bye'],
      visits: ['welcome', 'sms'],
      notVisits: ['xfer'],
      says: ['ありがとうございます', '1を', 'ありがとうございました'],
      sms: [{ to: '090-1234-5678', includes: 'https://example.jp/f' }],
      notifications: [],
      transfers: [],
      vars: { 'menu.choice': '1', 'sms.status': 'queued' },
    });
    expect(reasons).toEqual([]);
  });

  it('explains a wrong result and a wrong path', () => {
    expect(reasonsFor({ result: 'transferred', path: ['welcome', 'hours', 'menu', 'xfer'] })).toEqual([
      'result: expected transferred, got completed',
      "path: step 4 is 'sms', expected 'xfer'\n" +
        '  expected: welcome → hours → menu → xfer\n' +
        '  actual:   welcome → hours → menu → sms → bye',
    ]);
    expect(reasonsFor({ path: ['welcome', 'hours', 'closed'] }, [], holidayAt)).toEqual([]);
  });

  it('checks visits in order and nodes that must not be visited', () => {
    expect(reasonsFor({ visits: ['sms', 'menu'] })).toEqual([
      "visits: 'menu' was not visited after 'sms' (path: welcome → hours → menu → sms → bye)",
    ]);
    expect(reasonsFor({ notVisits: ['sms', 'closed'] })).toEqual([
      "notVisits: 'sms' was visited (path: welcome → hours → menu → sms → bye)",
    ]);
  });

  it('checks heard text in order', () => {
    const [reason] = reasonsFor({ says: ['ありがとうございました', 'お電話ありがとう'] });
    expect(reason).toMatch(
      /^says: 「お電話ありがとう」 was not heard after 「ありがとうございました」; heard: 「お電話/,
    );
  });

  it('compares SMS by number and text', () => {
    expect(reasonsFor({ sms: [] })[0]).toMatch(
      /^sms: expected 0 SMS, got 1: to \+819012345678 「ご予約フォーム/,
    );
    expect(reasonsFor({ sms: [{ to: '080-1111-2222', includes: '地図' }] })).toEqual([
      'sms[0]: sent to +819012345678, expected 080-1111-2222',
      'sms[0]: text does not include 「地図」: 「ご予約フォーム https://example.jp/f」',
    ]);
  });

  it('compares notifications by channel and text', () => {
    expect(reasonsFor({ notifications: [{ channel: 'staff', includes: '山田' }] }, voicemail)).toEqual([]);
    expect(reasonsFor({ notifications: [{ channel: 'office', includes: '佐藤' }] }, voicemail)).toEqual([
      "notifications[0]: sent to channel 'staff', expected 'office'",
      'notifications[0]: message does not include 「佐藤」: 「留守電: 山田です」',
    ]);
    expect(reasonsFor({ notifications: [{}] })).toEqual(['notifications: expected 1 notification(s), got 0']);
  });

  it('compares transfer attempts with normalised numbers', () => {
    expect(reasonsFor({ transfers: [{ to: ['0312345678'] }] }, voicemail)).toEqual([]);
    expect(reasonsFor({ transfers: [{ to: ['03-9999-0000'] }] }, voicemail)).toEqual([
      'transfers[0]: rang [+81312345678], expected [03-9999-0000]',
    ]);
  });

  it('checks variables and the failure code', () => {
    expect(reasonsFor({ vars: { 'menu.choice': '2', 'vm.transcript': 'x' }, failure: 'step-limit' })).toEqual(
      [
        'failure: expected step-limit, got no failure',
        'vars: \'menu.choice\' is "1", expected "2"',
        'vars: \'vm.transcript\' is not set, expected "x"',
      ],
    );
  });

  it('fails a case whose script does not fit the call, even without other expectations', () => {
    expect(reasonsFor({}, [{ press: '2' }, { press: '1' }])).toEqual([
      "script: step 2 (press 1): the call is waiting for the transfer outcome at 'xfer', not for keys",
    ]);
  });

  it('fails a case with a start time that does not exist', () => {
    expect(reasonsFor({}, [], '2026-02-30T10:00:00+09:00')[0]).toMatch(/^at: not an ISO 8601/);
  });

  it('fails every case of an invalid flow with its issues, and runs none', () => {
    const broken = { ...shopFlow, start: 'nowhere' };
    const doc = {
      flow: 'flow.json',
      cases: [
        { name: 'a', at: openAt, from: 'anonymous', expect: {} },
        { name: 'b', at: openAt, from: 'anonymous', expect: {} },
      ],
    };
    const report = runFlowTests(doc, broken, context);
    expect(report.cases.map((c) => c.passed)).toEqual([false, false]);
    expect(report.cases[0]!.reasons[0]).toMatch(/^flow is invalid: \/start: .*\[unknown-start\]$/);
    expect(report.coverage).toBeUndefined();
  });

  it('reports a test document that does not follow the schema', () => {
    const report = runFlowTests({ flow: 'flow.json', cases: [{ name: 'x' }] }, shopFlow, context);
    expect(report.cases).toEqual([]);
    expect(report.documentIssues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '/cases/0/at missing-field',
      '/cases/0/from missing-field',
      '/cases/0/expect missing-field',
    ]);
  });

  it('adds up coverage over the cases', () => {
    const doc = {
      flow: 'flow.json',
      cases: [
        { name: 'sms', at: openAt, from: '090-1234-5678', script: [{ press: '1' }], expect: {} },
        { name: 'closed', at: holidayAt, from: '090-1234-5678', expect: {} },
      ],
    };
    const report = runFlowTests(doc, shopFlow, context);
    expect(report.coverage?.nodes).toMatchObject({ welcome: 2, closed: 1, sms: 1, vm: 0 });
  });
});
