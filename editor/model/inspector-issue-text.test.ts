import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { validateFlow } from '../../schema/validate.ts';
import { addNode, blankFlow, connect } from './flow-edits.ts';
import { issueText, pathInNode, portLabel, sortIssues, stepLabel } from './inspector-issue-text.ts';
import { newNode } from './node-defaults.ts';

const texts = (flow: FlowDocument, context = {}) =>
  validateFlow(flow, context).map((issue) => ({ code: issue.code, text: issueText(issue, flow, 'ja') }));

const semantic = (): FlowDocument => {
  let flow = blankFlow('shop', 'お店');
  flow = addNode(flow, { ...newNode('menu', new Set(['greeting']), { x: 0, y: 0 }), label: 'メイン' });
  flow = addNode(flow, newNode('hours', new Set(), { x: 0, y: 0 }));
  flow = addNode(flow, newNode('sms', new Set(), { x: 0, y: 0 }));
  flow = addNode(flow, newNode('transfer', new Set(), { x: 0, y: 0 }));
  flow = addNode(flow, newNode('input', new Set(), { x: 0, y: 0 }));
  flow = addNode(flow, newNode('notify', new Set(), { x: 0, y: 0 }));
  flow = connect(flow, 'greeting', 'next', 'menu-1');
  flow = connect(flow, 'menu-1', '1', 'hours-1');
  flow = connect(flow, 'menu-1', 'timeout', 'ghost');
  flow = connect(flow, 'hours-1', 'open', 'sms-1');
  flow = connect(flow, 'sms-1', 'sent', 'notify-1');
  flow = connect(flow, 'notify-1', 'next', 'input-1');
  const nodes = flow.nodes.map((n) => {
    if (n.id === 'sms-1')
      return {
        ...n,
        params: { to: '03-1234-5678', text: `{{input-1.digits}} {{1bad}} ${'あ'.repeat(700)}` },
      };
    if (n.id === 'input-1') return { ...n, params: { ...n.params, minDigits: 12, maxDigits: 11 } };
    if (n.id === 'hours-1') return { ...n, params: { schedule: 'nope' } };
    if (n.id === 'notify-1') return { ...n, params: { ...n.params, channel: 'nope' } };
    if (n.id === 'transfer-1')
      return { ...n, params: { ...n.params, destinations: [{ number: '03-1234' }] } };
    if (n.id === 'menu-1')
      return {
        ...n,
        params: {
          ...n.params,
          options: [
            { key: '1', label: 'a' },
            { key: '1', label: 'b' },
          ],
        },
      };
    return n;
  });
  return { ...flow, nodes } as FlowDocument;
};

describe('issue texts', () => {
  it('finds the details of every semantic issue of a broken flow', () => {
    const found = texts(semantic(), { schedules: {}, channels: ['staff'] });
    const byCode = Object.fromEntries(found.map((f) => [f.code, f.text]));
    expect(found.filter((f) => f.text === undefined)).toEqual([]);
    expect(byCode['unknown-target']).toEqual({
      key: 'unknown-target',
      values: { port: '無入力', value: 'ghost' },
    });
    expect(byCode['duplicate-option']).toEqual({ key: 'duplicate-option', values: { key: '1' } });
    expect(byCode['unknown-schedule']?.key).toBe('unknown-schedule');
    expect(byCode['unknown-channel']?.key).toBe('unknown-channel');
    expect(byCode['sms-not-mobile']).toEqual({ key: 'sms-not-mobile', values: { value: '03-1234-5678' } });
    expect(byCode['sms-too-long']?.values.count).toBe('710');
    expect(byCode['bad-template']).toEqual({ key: 'bad-template', values: { value: '{{1bad}}' } });
    expect(byCode['unknown-variable']).toEqual({
      key: 'unknown-variable',
      values: { name: 'input-1.digits', setter: '番号入力 (input-1)' },
    });
    expect(byCode['digits-range']).toEqual({ key: 'digits-min-over-max', values: { min: '12', max: '11' } });
    expect(byCode['bad-phone-number']).toEqual({ key: 'bad-phone-number', values: { value: '03-1234' } });
    expect(byCode['unreachable-node']).toEqual({ key: 'unreachable-node', values: {} });
    expect(byCode['unconnected-port']?.key).toBe('unconnected-port');
  });

  it('names fields by their Japanese title for structural issues', () => {
    const flow = blankFlow('shop', 'お店');
    const broken = {
      ...flow,
      nodes: [{ ...flow.nodes[0]!, params: { text: '', repeat: 9, foo: 1 } }],
    } as unknown as FlowDocument;
    const found = texts(broken);
    expect(found).toEqual(
      expect.arrayContaining([
        { code: 'too-short', text: { key: 'too-short-empty', values: { field: '読み上げる文' } } },
        { code: 'bad-value', text: { key: 'bad-value-max', values: { field: '繰り返し回数', limit: '5' } } },
        { code: 'unknown-field', text: { key: 'unknown-field', values: { name: 'foo' } } },
      ]),
    );
    const phones = {
      ...flow,
      nodes: [{ id: 't', kind: 'transfer', params: { destinations: [{ number: '0123' }] } }],
    };
    expect(texts(phones as never)[0]?.text).toEqual({ key: 'bad-phone-number', values: { value: '0123' } });
    const empty = {
      ...flow,
      nodes: [{ id: 't', kind: 'transfer', params: { destinations: [{ number: '' }] } }],
    };
    expect(texts(empty as never)[0]?.text).toEqual({ key: 'missing-field', values: { field: '電話番号' } });
    // A fresh 営業時間 step has no schedule chosen yet: not entered, rather than written wrongly.
    const hours = { ...flow, nodes: [newNode('hours', new Set(), { x: 0, y: 0 })] };
    expect(texts(hours)[0]?.text).toEqual({ key: 'missing-field', values: { field: '営業時間表' } });
    const sms = { ...flow, nodes: [{ id: 's', kind: 'sms', params: { to: 'x', text: 'a' } }] };
    expect(texts(sms as never)[0]?.text).toEqual({ key: 'bad-phone-number', values: { value: 'x' } });
    const missing = texts({ ...flow, nodes: [{ id: 'x', kind: 'menu', params: { options: [] } }] } as never);
    expect(missing.map((f) => f.text?.values.field)).toContain('案内文');
  });

  it('falls back (undefined) when a detail cannot be found', () => {
    const issue: Issue = {
      code: 'sms-too-long',
      severity: 'error',
      path: '/nodes/0/params/text',
      message: 'odd',
    };
    expect(issueText(issue, blankFlow('a', 'b'), 'ja')).toBeUndefined();
  });

  it('sorts errors first, names steps and ports, and finds the pointer below the node', () => {
    const w: Issue = { code: 'unreachable-node', severity: 'warning', path: '/nodes/1', message: '' };
    const e: Issue = { code: 'unknown-start', severity: 'error', path: '/start', message: '' };
    expect(sortIssues([w, e])).toEqual([e, w]);
    const flow = semantic();
    expect(stepLabel(flow.nodes[1], 'menu-1', 'ja')).toBe('メイン');
    expect(stepLabel(flow.nodes[2], 'hours-1', 'en')).toBe('Business hours (hours-1)');
    expect(portLabel(flow.nodes[1], '1', 'ja')).toBe('1: a');
    expect(portLabel(flow.nodes[2], 'closed', 'en')).toBe('closed');
    expect(pathInNode(w)).toBe('');
    expect(pathInNode({ ...e, path: '/nodes/3/params/text' })).toBe('/params/text');
    expect(pathInNode(e)).toBeUndefined();
  });
});
