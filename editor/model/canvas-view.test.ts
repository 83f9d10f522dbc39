import { describe, expect, it } from 'vitest';
import { largeFlow } from '../../bench/large-flow.ts';
import restaurant from '../../examples/restaurant/flow.json' with { type: 'json' };
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { quickLayout } from './canvas-quick-layout.ts';
import { breadthFirst, initialFitNodes, initialViewport } from './canvas-view.ts';

const flow = restaurant as unknown as FlowDocument;
const byUi = (f: FlowDocument) => (id: string) => f.nodes.find((n) => n.id === id)?.ui;

describe('initial view', () => {
  it('fits a small flow entirely', () => {
    expect(initialFitNodes(flow, byUi(flow), { width: 1200, height: 900 })).toBeUndefined();
    expect(initialFitNodes(flow, byUi(flow), undefined)).toBeUndefined();
  });

  it('fits the start and what follows when the whole flow would be unreadable', () => {
    const big = largeFlow(300);
    const positions = quickLayout(big);
    const ids = initialFitNodes(big, (id) => positions.get(id), { width: 1200, height: 900 });
    expect(ids?.[0]).toBe('hello-0');
    expect(ids!.length).toBeGreaterThan(3);
    expect(ids!.length).toBeLessThan(60);
  });

  it('orders nodes breadth-first from the start, unreachable ones last', () => {
    const withOrphan = { ...flow, nodes: [{ id: 'orphan', kind: 'hangup' }, ...flow.nodes] } as FlowDocument;
    const order = breadthFirst(withOrphan);
    expect(order.slice(0, 4)).toEqual(['welcome', 'hours', 'open-menu', 'closed-message']);
    expect(order.at(-1)).toBe('orphan');
    expect(order).toHaveLength(withOrphan.nodes.length);
  });

  it('computes a centred viewport for the chosen nodes, never above zoom 1', () => {
    const one = { ...flow, nodes: [flow.nodes[0]!] } as FlowDocument; // 224×123 at (0, 0)
    expect(initialViewport(one, byUi(one), { width: 1000, height: 800 }, 0.05)).toEqual({
      x: 500 - 112,
      y: 400 - 61.5,
      zoom: 1,
    });
    const whole = initialViewport(flow, byUi(flow), { width: 1200, height: 900 }, 0.05);
    expect(whole.zoom).toBeGreaterThanOrEqual(0.2);
    expect(whole.zoom).toBeLessThan(1);
    const big = largeFlow(300);
    const positions = quickLayout(big);
    expect(
      initialViewport(big, (id) => positions.get(id), { width: 1200, height: 900 }, 0.05).zoom,
    ).toBeGreaterThanOrEqual(0.6);
  });
});
