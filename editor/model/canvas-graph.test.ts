import { describe, expect, it } from 'vitest';
import restaurant from '../../examples/restaurant/flow.json' with { type: 'json' };
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { createEdgeDeriver, createNodeDeriver, type NodeInput } from './canvas-graph.ts';
import { connect, moveNodes } from './flow-edits.ts';

const flow = restaurant as unknown as FlowDocument;
const input = (over: Partial<NodeInput> = {}): NodeInput => ({
  flow,
  lang: 'ja',
  selection: [],
  issues: [],
  simulation: null,
  schedules: {},
  today: undefined,
  ...over,
});
const edgeInput = (f: FlowDocument, selection = new Set<string>()) => ({
  flow: f,
  lang: 'ja' as const,
  selection,
  simulation: null,
  describe: (s: { id: string }, port: string, t: { id: string }) => `${s.id} ${port} → ${t.id}`,
});

describe('canvas nodes', () => {
  it('derives one step node per flow node, positioned by ui, the start marked', () => {
    const nodes = createNodeDeriver()(input());
    expect(nodes).toHaveLength(flow.nodes.length);
    const welcome = nodes[0]!;
    expect(welcome).toMatchObject({ id: 'welcome', type: 'step', position: { x: 0, y: 0 }, selected: false });
    expect(welcome.data.start).toBe(true);
    expect(welcome.domAttributes).toEqual({ 'data-testid': 'node-welcome' });
    expect(welcome.measured).toEqual({ width: welcome.width, height: welcome.height });
  });

  it('keeps every unchanged node object when one node moves or is selected', () => {
    const derive = createNodeDeriver();
    const before = derive(input());
    const moved = derive(input({ overrides: new Map([['hours', { x: 5, y: 260 }]]) }));
    const changed = moved.filter((n, i) => n !== before[i]).map((n) => n.id);
    expect(changed).toEqual(['hours']);
    const selected = derive(
      input({ selection: ['goodbye'], overrides: new Map([['hours', { x: 5, y: 260 }]]) }),
    );
    expect(selected.filter((n, i) => n !== moved[i]).map((n) => n.id)).toEqual(['goodbye']);
  });

  it('moves only the dragged step while a drag goes on, and puts it back when the drag ends', () => {
    const derive = createNodeDeriver();
    const before = derive(input());
    const step1 = derive(input({ overrides: new Map([['hours', { x: 5, y: 260 }]]) }));
    const step2 = derive(input({ overrides: new Map([['hours', { x: 9, y: 270 }]]) }));
    expect(step2.filter((n, i) => n !== step1[i]).map((n) => n.id)).toEqual(['hours']);
    expect(step2.find((n) => n.id === 'hours')?.position).toEqual({ x: 9, y: 270 });
    const ended = derive(input());
    expect(ended.find((n) => n.id === 'hours')?.position).toEqual(
      before.find((n) => n.id === 'hours')?.position,
    );
  });

  it('gives xyflow handle estimates with the first object of a step only (measurements stay)', () => {
    const derive = createNodeDeriver();
    const first = derive(input());
    expect(first.every((n) => (n.handles?.length ?? 0) > 0)).toBe(true);
    const moved = derive(input({ overrides: new Map([['hours', { x: 5, y: 260 }]]) }));
    expect(moved.find((n) => n.id === 'hours')?.handles).toBeUndefined();
  });

  it('re-creates only the node an edit touched', () => {
    const derive = createNodeDeriver();
    const before = derive(input());
    const edited = moveNodes(flow, new Map([['goodbye', { x: 1, y: 2 }]]));
    const after = derive(input({ flow: edited }));
    // moveNodes copies every node object, so only identity of data per unchanged node content matters:
    expect(after.find((n) => n.id === 'goodbye')?.position).toEqual({ x: 1, y: 2 });
    expect(after.filter((n, i) => n !== before[i]).length).toBeGreaterThan(0);
    const again = derive(input({ flow: edited }));
    expect(again.every((n, i) => n === after[i])).toBe(true);
  });

  it('groups issues per node with the worst severity, stable while the issues are the same', () => {
    const issue = (severity: Issue['severity'], nodeId?: string, path = ''): Issue => ({
      code: 'unconnected-port',
      severity,
      path,
      message: `m-${severity}`,
      ...(nodeId ? { nodeId } : {}),
    });
    const derive = createNodeDeriver();
    const first = derive(
      input({ issues: [issue('warning', 'hours'), issue('error', undefined, '/nodes/1/next')] }),
    );
    const hours = first.find((n) => n.id === 'hours')!;
    expect(hours.data.issues).toMatchObject({ severity: 'error', count: 2 });
    const second = derive(
      input({ issues: [issue('warning', 'hours'), issue('error', undefined, '/nodes/1/next')] }),
    );
    expect(second.find((n) => n.id === 'hours')).toBe(hours);
    expect(first.find((n) => n.id === 'welcome')?.data.issues).toBeNull();
  });

  it('marks the simulated path, the active node, and dims the rest', () => {
    const nodes = createNodeDeriver()(
      input({
        simulation: { path: ['welcome', 'hours', 'open-menu'], activeNodeId: 'open-menu', ports: [] },
      }),
    );
    const mark = (id: string) => nodes.find((n) => n.id === id)?.data.sim;
    expect([mark('welcome'), mark('open-menu'), mark('goodbye')]).toEqual(['path', 'active', 'dim']);
  });
});

describe('canvas edges', () => {
  it('draws one edge per connected port, id source:port, handle = port', () => {
    const edges = createEdgeDeriver()(edgeInput(flow));
    const fromHours = edges.filter((e) => e.source === 'hours');
    expect(fromHours.map((e) => [e.id, e.sourceHandle, e.target])).toEqual([
      ['hours:open', 'open', 'open-menu'],
      ['hours:closed', 'closed', 'closed-message'],
    ]);
    expect(edges).toHaveLength(15);
  });

  it('skips edges to missing nodes or from ports a node no longer has, and reuses unchanged edges', () => {
    const derive = createEdgeDeriver();
    const before = derive(edgeInput(flow));
    const broken = connect(connect(flow, 'welcome', 'next', 'nowhere'), 'open-menu', '7', 'goodbye');
    const after = derive(edgeInput(broken));
    expect(after.some((e) => e.source === 'welcome')).toBe(false);
    expect(after.some((e) => e.id === 'open-menu:7')).toBe(false);
    const same = after.filter((e) => before.includes(e));
    expect(same).toHaveLength(before.length - 1);
  });

  it('animates the ports a simulated call took', () => {
    const edges = createEdgeDeriver()({
      ...edgeInput(flow),
      simulation: { path: ['welcome', 'hours'], activeNodeId: null, ports: ['welcome:next'] },
    });
    expect(edges.find((e) => e.id === 'welcome:next')).toMatchObject({
      animated: true,
      className: 'fc-edge-path',
    });
    expect(edges.find((e) => e.id === 'hours:open')).toMatchObject({
      animated: false,
      className: 'fc-edge-dim',
    });
  });
});
