import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { hasUnsavedFlow, isFlowRoute, pageStatus, sameDocument } from './page-status.ts';
import { diffFlows, formatVersionDate, newestFirst, outlineFlow } from './page-versions.ts';

const issue = (severity: Issue['severity']): Issue => ({
  code: 'unreachable-node',
  severity,
  path: '',
  message: 'x',
});

describe('pageStatus', () => {
  it('refuses publishing while there are errors, not for warnings', () => {
    expect(
      pageStatus({ unsaved: true, publishedVersion: 3, issues: [issue('error'), issue('warning')] }),
    ).toEqual({ save: 'unsaved', published: 3, errors: 1, warnings: 1, canPublish: false });
    expect(
      pageStatus({ unsaved: false, publishedVersion: null, issues: [issue('warning')] }).canPublish,
    ).toBe(true);
  });
});

describe('isFlowRoute', () => {
  it('recognises the same flow page only', () => {
    expect(isFlowRoute('#/flows/restaurant', 'restaurant')).toBe(true);
    expect(isFlowRoute('#flows/restaurant/', 'restaurant')).toBe(true);
    expect(isFlowRoute('#/flows/%E5%BA%97', '店')).toBe(true);
    expect(isFlowRoute('#/flows', 'restaurant')).toBe(false);
    expect(isFlowRoute('#/flows/clinic', 'restaurant')).toBe(false);
    expect(isFlowRoute('#/numbers', 'restaurant')).toBe(false);
    expect(isFlowRoute('#/flows/%E0', 'restaurant')).toBe(false);
  });
});

const flow = (nodes: FlowDocument['nodes'], start = 'hello'): FlowDocument =>
  ({
    schemaVersion: 1,
    id: 'f',
    name: 'f',
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start,
    nodes,
  }) as FlowDocument;

describe('versions', () => {
  it('lists the newest first and shows dates in Tokyo time', () => {
    const versions = [1, 3, 2].map((version) => ({
      version,
      comment: '',
      createdAt: '2026-11-23T03:05:00.000Z',
    }));
    expect(newestFirst(versions).map((v) => v.version)).toEqual([3, 2, 1]);
    expect(formatVersionDate('2026-11-23T03:05:00.000Z', 'ja')).toBe('2026/11/23 12:05');
    expect(formatVersionDate('nonsense', 'ja')).toBe('');
  });

  it('outlines a version start first with where each step leads, and diffs it ignoring positions', () => {
    const a = flow([
      { id: 'bye', kind: 'hangup', params: {}, ui: { x: 0, y: 0 } },
      {
        id: 'hello',
        kind: 'say',
        label: 'ごあいさつ',
        params: { text: 'こんにちは' },
        next: { next: 'bye' },
      },
    ] as FlowDocument['nodes']);
    expect(outlineFlow(a)).toEqual([
      {
        id: 'hello',
        kind: 'say',
        label: 'ごあいさつ',
        summary: 'こんにちは',
        next: [{ port: 'next', target: 'bye' }],
        start: true,
      },
      { id: 'bye', kind: 'hangup', label: 'bye', summary: '', next: [], start: false },
    ]);
    const b = flow([
      { id: 'bye', kind: 'hangup', params: {}, ui: { x: 100, y: 50 } },
      { id: 'hello', kind: 'say', params: { text: 'もしもし' }, next: { next: 'bye' } },
      { id: 'extra', kind: 'hangup', params: {} },
    ] as FlowDocument['nodes']);
    expect(diffFlows(a, b)).toEqual({ added: ['extra'], removed: [], changed: ['hello'] });
  });
});

describe('sameDocument', () => {
  it('compares JSON documents deeply, ignoring key order and undefined members', () => {
    const node = { id: 'a', params: { text: 'こんにちは' }, ui: { x: 1, y: 2 } };
    const flow = { name: 'f', nodes: [node, { id: 'b' }] };
    expect(sameDocument(flow, { nodes: [node, { id: 'b' }], name: 'f' })).toBe(true);
    expect(sameDocument(flow, { ...flow, nodes: [{ ...node, ui: { x: 1, y: 3 } }, { id: 'b' }] })).toBe(
      false,
    );
    expect(sameDocument(flow, { ...flow, nodes: [node] })).toBe(false);
    expect(sameDocument({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameDocument({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(sameDocument(null, {})).toBe(false);
  });

  it('says a flow is unsaved only when it differs from the saved one', () => {
    const saved = { name: 'f', nodes: [] };
    expect(hasUnsavedFlow({ flow: null, saved: null })).toBe(false);
    expect(hasUnsavedFlow({ flow: { nodes: [], name: 'f' }, saved })).toBe(false);
    expect(hasUnsavedFlow({ flow: { ...saved, name: 'g' }, saved })).toBe(true);
  });
});
