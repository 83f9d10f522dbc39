/**
 * The tricky points of validateFlow / validateSchedule that the fixtures do not spell out: the
 * "may" variable analysis, warnings versus errors, node ids on issues, and what is not checked.
 */
import { describe, expect, it } from 'vitest';
import type { Node } from './generated/flow.ts';
import type { ScheduleDocument } from './generated/schedule.ts';
import { hasErrors, type Issue } from './issue.ts';
import { validateFlow, validateSchedule } from './validate.ts';

function flow(nodes: Node[], start = nodes[0]!.id) {
  return { schemaVersion: 1, id: 'f', name: 'F', language: 'ja-JP', timezone: 'Asia/Tokyo', start, nodes };
}

const codes = (issues: Issue[]): string[] => issues.map((i) => `${i.code} ${i.path}`);

/** A menu whose option 1 records a message and option 2 skips it; both lead to `after`. */
function branchy(after: Node, recordLeadsTo = after.id): Node[] {
  return [
    {
      id: 'menu',
      kind: 'menu',
      params: {
        prompt: '1か2を押してください。',
        options: [
          { key: '1', label: '伝言' },
          { key: '2', label: 'なし' },
        ],
      },
      next: { '1': 'rec', '2': after.id },
    },
    { id: 'rec', kind: 'record', params: { prompt: 'どうぞ。' }, next: { done: recordLeadsTo } },
    after,
  ];
}

describe('variables', () => {
  it('accepts a variable set on one of two branches before they merge', () => {
    const notify: Node = {
      id: 'n',
      kind: 'notify',
      params: { channel: 'staff', message: '{{rec.transcript}}' },
    };
    expect(validateFlow(flow(branchy(notify)))).toEqual([]);
  });

  it('rejects a variable set only on another branch', () => {
    const nodes = branchy({
      id: 'n',
      kind: 'notify',
      params: { channel: 'staff', message: '{{rec.transcript}}' },
    });
    nodes.push({ id: 'other', kind: 'hangup', params: { text: '{{rec.transcript}}' } });
    nodes[1]!.next = { done: 'n' };
    nodes[0]!.next = { '1': 'rec', '2': 'other' };
    const issues = validateFlow(flow(nodes));
    expect(codes(issues)).toEqual(['unknown-variable /nodes/3/params/text']);
    expect(issues[0]!.nodeId).toBe('other');
  });

  it('lets a step read what it set on an earlier lap of a loop', () => {
    // menu → record → menu: on the second lap the menu prompt may read the transcript.
    const nodes: Node[] = [
      {
        id: 'menu',
        kind: 'menu',
        params: {
          prompt: '{{rec.transcript}} でよろしいですか。',
          options: [{ key: '1', label: 'やり直す' }],
        },
        next: { '1': 'rec' },
      },
      { id: 'rec', kind: 'record', params: { prompt: 'どうぞ。' }, next: { done: 'menu' } },
    ];
    expect(validateFlow(flow(nodes))).toEqual([]);
  });

  it('uses saveAs as the base name and knows the built-ins', () => {
    const nodes: Node[] = [
      {
        id: 'ask',
        kind: 'input',
        params: { prompt: '{{caller.national}} 様、番号をどうぞ。', saveAs: 'cb' },
        next: { done: 'bye' },
      },
      { id: 'bye', kind: 'hangup', params: { text: '{{cb.digits}} {{ call.date }} {{flow.name}}' } },
    ];
    expect(validateFlow(flow(nodes))).toEqual([]);
  });

  it('does not check variables in steps no call reaches', () => {
    const nodes: Node[] = [
      { id: 'a', kind: 'hangup' },
      { id: 'orphan', kind: 'say', params: { text: '{{nobody.sets.this}}' } },
    ];
    expect(codes(validateFlow(flow(nodes)))).toEqual(['unreachable-node /nodes/1']);
  });
});

describe('severity and node ids', () => {
  it('reports an unreachable step as a warning only', () => {
    const issues = validateFlow(
      flow([
        { id: 'a', kind: 'hangup' },
        { id: 'b', kind: 'hangup' },
      ]),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unreachable-node', severity: 'warning', nodeId: 'b' }),
    ]);
    expect(hasErrors(issues)).toBe(false);
  });

  it('puts the node id on every issue under /nodes', () => {
    const nodes: Node[] = [
      {
        id: 'm',
        kind: 'menu',
        params: { prompt: '1を押してください。', options: [{ key: '1', label: 'x' }] },
      },
      { id: 's', kind: 'sms', params: { to: '03-1234-5678', text: '{{x.y}}' }, next: { sent: 'gone' } },
      { id: 's', kind: 'say', params: {} },
    ];
    const issues = validateFlow(flow(nodes));
    const underNodes = issues.filter((i) => i.path.startsWith('/nodes/'));
    expect(underNodes.length).toBeGreaterThanOrEqual(5);
    for (const issue of underNodes) {
      const index = Number(issue.path.split('/')[2]);
      expect(issue.nodeId).toBe(nodes[index]!.id);
    }
  });

  it('reports no unreachable steps when the start itself is unknown', () => {
    const issues = validateFlow(
      flow(
        [
          { id: 'a', kind: 'hangup' },
          { id: 'b', kind: 'hangup' },
        ],
        'zzz',
      ),
    );
    expect(codes(issues)).toEqual(['unknown-start /start']);
  });
});

describe('loops', () => {
  it('accepts a loop that passes a waiting step', () => {
    const nodes: Node[] = [
      { id: 'hello', kind: 'say', params: { text: 'こんにちは。' }, next: { next: 'menu' } },
      {
        id: 'menu',
        kind: 'menu',
        params: { prompt: 'もう一度は9を。', options: [{ key: '9', label: 'もう一度' }] },
        next: { '9': 'hello' },
      },
    ];
    expect(validateFlow(flow(nodes))).toEqual([]);
  });

  it('reports each loop once, even in steps no call reaches', () => {
    const nodes: Node[] = [
      { id: 'a', kind: 'say', params: { text: '1' }, next: { next: 'b' } },
      { id: 'b', kind: 'notify', params: { channel: 'c', message: 'x' }, next: { next: 'a' } },
      { id: 'c', kind: 'say', params: { text: '2' }, next: { next: 'd' } },
      { id: 'd', kind: 'say', params: { text: '3' }, next: { next: 'c' } },
    ];
    const loops = validateFlow(flow(nodes)).filter((i) => i.code === 'loop-without-wait');
    expect(loops.map((i) => i.path)).toEqual(['/nodes/0', '/nodes/2']);
  });

  it('handles a 5,000-step chain without overflowing the stack', () => {
    const nodes: Node[] = Array.from({ length: 5000 }, (_, i) => ({
      id: `n${i}`,
      kind: 'say' as const,
      params: { text: `${i}` },
      next: { next: `n${(i + 1) % 5000}` },
    }));
    expect(codes(validateFlow(flow(nodes)))).toEqual(['loop-without-wait /nodes/0']);
  });
});

describe('context', () => {
  const hours: Node = {
    id: 'h',
    kind: 'hours',
    params: { schedule: 'shop' },
    next: { open: 'x', closed: 'x' },
  };
  const end: Node = { id: 'x', kind: 'hangup' };

  it('checks schedule and channel names only when they are given', () => {
    const notify: Node = { id: 'x', kind: 'notify', params: { channel: 'slack', message: 'x' } };
    expect(validateFlow(flow([hours, notify]))).toEqual([]);
    expect(codes(validateFlow(flow([hours, notify]), { schedules: {}, channels: [] }))).toEqual([
      'unknown-schedule /nodes/0/params/schedule',
      'unknown-channel /nodes/1/params/channel',
    ]);
    const withSummary = { ...flow([hours, notify]), afterCallSummary: { channel: 'frontdesk-slack' } };
    expect(
      codes(validateFlow(withSummary, { schedules: { shop: {} as ScheduleDocument }, channels: ['slack'] })),
    ).toEqual(['unknown-channel /afterCallSummary/channel']);
  });

  it('does not re-validate the schedules it is given', () => {
    const broken = {
      schemaVersion: 1,
      id: 'shop',
      name: 'S',
      weekly: { mon: [{ from: '18:00', to: '09:00' }] },
    };
    expect(validateFlow(flow([hours, end]), { schedules: { shop: broken as ScheduleDocument } })).toEqual([]);
  });
});

describe('values', () => {
  it('counts placeholders as nothing in SMS length', () => {
    const text = `${'あ'.repeat(670)}{{caller.name}}`;
    const sms: Node = { id: 's', kind: 'sms', params: { to: '090-1234-5678', text } };
    expect(validateFlow(flow([sms]))).toEqual([]);
  });

  it('applies the default digit limits', () => {
    const input: Node = {
      id: 'i',
      kind: 'input',
      params: { prompt: 'どうぞ。', minDigits: 12 },
      next: { done: 'x' },
    };
    expect(codes(validateFlow(flow([input, { id: 'x', kind: 'hangup' }])))).toEqual([
      'digits-range /nodes/0/params/minDigits',
    ]);
  });

  it('skips the other semantic checks when the structure is wrong, but still judges connections around a half-filled step', () => {
    const issues = validateFlow(
      flow([{ id: 'a', kind: 'say', params: { text: 1 } } as unknown as Node], 'zzz'),
    );
    // The value of text is not checked further; where the flow starts and leads still is.
    expect(codes(issues)).toEqual(['wrong-type /nodes/0/params/text', 'unknown-start /start']);
  });

  it('judges no connections when the skeleton itself is wrong (ids, next, menu options)', () => {
    const badNext = validateFlow(
      flow([{ id: 'a', kind: 'say', params: { text: 'x' }, next: { next: 7 } } as unknown as Node], 'zzz'),
    );
    expect(codes(badNext)).toEqual(['wrong-type /nodes/0/next/next']);
    const noOptions = validateFlow(
      flow([{ id: 'a', kind: 'menu', params: { prompt: 'x' } } as unknown as Node], 'zzz'),
    );
    expect(codes(noOptions).every((c) => c.includes('/nodes/0/params'))).toBe(true);
  });
});

describe('schedules', () => {
  const schedule = (extra: Partial<ScheduleDocument>): ScheduleDocument => ({
    schemaVersion: 1,
    id: 's',
    name: 'S',
    weekly: {},
    ...extra,
  });

  it('accepts touching windows, 24:00, yearly ranges over New Year and 02-29', () => {
    const doc = schedule({
      weekly: {
        fri: [
          { from: '08:30', to: '12:00' },
          { from: '12:00', to: '15:00' },
          { from: '20:00', to: '24:00' },
        ],
      },
      special: [
        { date: '12-29', through: '01-03', closed: true },
        { date: '02-29', windows: [] },
      ],
    });
    expect(validateSchedule(doc)).toEqual([]);
  });

  it('reports the later of two overlapping windows, whatever their order', () => {
    const doc = schedule({
      weekly: {
        sat: [
          { from: '13:00', to: '17:00' },
          { from: '09:00', to: '14:00' },
        ],
      },
    });
    expect(codes(validateSchedule(doc))).toEqual(['window-overlap /weekly/sat/1']);
  });

  it('does not also report a reversed window as overlapping', () => {
    const doc = schedule({
      weekly: {
        sun: [
          { from: '09:00', to: '18:00' },
          { from: '17:00', to: '10:00' },
        ],
      },
    });
    expect(codes(validateSchedule(doc))).toEqual(['window-out-of-order /weekly/sun/1']);
  });
});
