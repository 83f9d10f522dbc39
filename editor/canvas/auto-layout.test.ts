import { describe, expect, it } from 'vitest';
import { largeFlow } from '../../bench/large-flow.ts';
import restaurant from '../../examples/restaurant/flow.json' with { type: 'json' };
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { portsOf, targetOf } from '../../schema/kinds.ts';
import { nodeSize, portOverhang } from '../model/canvas-geometry.ts';
import { autoLayout } from './auto-layout.ts';

const flow = restaurant as unknown as FlowDocument;

function boxes(f: FlowDocument) {
  return f.nodes.map((n) => {
    const size = nodeSize(n);
    return { id: n.id, x: n.ui!.x, y: n.ui!.y, w: size.width, h: size.height + portOverhang };
  });
}

function overlaps(f: FlowDocument): string[] {
  const all = boxes(f);
  const found: string[] = [];
  for (const [i, a] of all.entries())
    for (const b of all.slice(i + 1))
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        found.push(`${a.id}/${b.id}`);
  return found;
}

describe('autoLayout', () => {
  it('places every node without overlaps, the start on top', () => {
    const laid = autoLayout(flow);
    expect(laid.nodes.every((n) => n.ui && Number.isInteger(n.ui.x) && Number.isInteger(n.ui.y))).toBe(true);
    expect(overlaps(laid)).toEqual([]);
    const startY = laid.nodes.find((n) => n.id === laid.start)!.ui!.y;
    expect(laid.nodes.every((n) => n.ui!.y >= startY)).toBe(true);
  });

  it('lays out top to bottom: the first steps lead downwards', () => {
    const laid = autoLayout(flow);
    const y = (id: string) => laid.nodes.find((n) => n.id === id)!.ui!.y;
    expect(y('welcome')).toBeLessThan(y('hours'));
    expect(y('hours')).toBeLessThan(y('open-menu'));
    expect(y('hours')).toBeLessThan(y('closed-message'));
  });

  it('changes nothing but positions, and is stable: a second run returns the same document', () => {
    const laid = autoLayout(flow);
    const strip = (f: FlowDocument) => f.nodes.map(({ ui: _ui, ...rest }) => rest);
    expect(strip(laid)).toEqual(strip(flow));
    expect(autoLayout(laid)).toBe(laid);
    expect(flow.nodes[2]!.ui).toEqual({ x: -300, y: 500 });
  });

  it('handles nodes without positions, unreachable nodes and a 300-node flow', () => {
    const bare = {
      ...flow,
      nodes: [...flow.nodes.map(({ ui: _ui, ...n }) => n), { id: 'orphan', kind: 'hangup' }],
    } as FlowDocument;
    const laid = autoLayout(bare);
    expect(laid.nodes.every((n) => n.ui)).toBe(true);
    expect(overlaps(laid)).toEqual([]);
    const big = autoLayout(largeFlow(300));
    expect(overlaps(big)).toEqual([]);
    for (const node of big.nodes)
      for (const port of portsOf(node))
        expect(targetOf(node, port)).toBe(
          targetOf(largeFlow(300).nodes.find((n) => n.id === node.id)!, port),
        );
  });
});
