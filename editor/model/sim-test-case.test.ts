import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runFlowTests } from '../../runtime/simulator/flow-tests.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Flow } from '../../schema/kinds.ts';
import { checkStructure } from '../../schema/structure.ts';
import { buildTestCase, testDocument, testDocumentText } from './sim-test-case.ts';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const restaurant = read<Flow>('../../examples/restaurant/flow.json');
const schedules = {
  'restaurant-hours': read<ScheduleDocument>('../../examples/restaurant/schedules/restaurant-hours.json'),
};

describe('buildTestCase', () => {
  it('turns a holiday call pressing 1 into a case with path, result, SMS and notifications', () => {
    const testCase = buildTestCase(
      restaurant,
      {
        name: '勤労感謝の日に1',
        at: '2026-11-23T12:00:00+09:00',
        from: '090-1234-5678',
        script: [{ press: '1' }],
      },
      schedules,
    );
    expect(testCase).toEqual({
      name: '勤労感謝の日に1',
      at: '2026-11-23T12:00:00+09:00',
      from: '090-1234-5678',
      script: [{ press: '1' }],
      expect: {
        path: ['welcome', 'hours', 'closed-message', 'form-offer', 'send-form', 'sms-sent'],
        result: 'completed',
        sms: [
          {
            to: '+819012345678',
            includes:
              '【和食処 みやび】ご予約フォームはこちら https://miyabi.example.jp/reserve 24時間受付中です。',
          },
        ],
        notifications: [],
        transfers: [],
      },
    });
  });

  it('writes a complete flow-test document that the schema accepts and the test runner passes', () => {
    const cases = [
      { at: '2026-11-24T12:00:00+09:00', script: [{ press: '2' }, { transfer: 'busy' as const }] },
      // Unfinished by hand: the runner hangs up at the end of the script, and so does the builder.
      { at: '2026-11-24T12:00:00+09:00', script: [] },
      { at: '2026-11-23T12:00:00+09:00', script: [{ silence: true as const }, { hangup: true as const }] },
    ];
    for (const c of cases) {
      const testCase = buildTestCase(restaurant, { name: 'case', from: '03-5555-0123', ...c }, schedules);
      const doc = testDocument(testCase);
      expect(doc.flow).toBe('flow.json');
      expect(checkStructure('flow-test', doc)).toEqual([]);
      const report = runFlowTests(JSON.parse(testDocumentText(testCase)), restaurant, { schedules });
      expect(report.cases.map((r) => [r.passed, r.reasons])).toEqual([[true, []]]);
    }
  });

  it('keeps an anonymous caller as the schema spells it', () => {
    const testCase = buildTestCase(
      restaurant,
      { name: '非通知', at: '2026-11-24T12:00:00+09:00', from: 'anonymous', script: [{ press: '1' }] },
      schedules,
    );
    expect(testCase.from).toBe('anonymous');
    expect(testCase.expect.sms).toEqual([]);
    expect(testDocumentText(testCase).endsWith('}\n')).toBe(true);
  });
});
