import { describe, expect, it } from 'vitest';
import { largeFlow } from '../../bench/large-flow.ts';
import restaurant from '../../examples/restaurant/flow.json' with { type: 'json' };
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { nodeSize } from './canvas-geometry.ts';
import { quickLayout } from './canvas-quick-layout.ts';

function overlapping(flow: FlowDocument, positions: Map<string, { x: number; y: number }>): number {
  const boxes = flow.nodes.map((n) => ({ ...positions.get(n.id)!, ...nodeSize(n) }));
  let count = 0;
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1))
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        count += 1;
  return count;
}

describe('quickLayout', () => {
  it('places every node, the start alone on the top row, without overlaps', () => {
    const flow = {
      ...(restaurant as unknown as FlowDocument),
      nodes: [...(restaurant as unknown as FlowDocument).nodes, { id: 'orphan', kind: 'hangup' }],
    } as FlowDocument;
    const positions = quickLayout(flow);
    expect(positions.size).toBe(flow.nodes.length);
    expect(positions.get('welcome')?.y).toBe(0);
    expect([...positions.values()].filter((p) => p.y === 0)).toHaveLength(1);
    expect(positions.get('hours')!.y).toBeGreaterThan(0);
    expect(positions.get('orphan')!.y).toBe(Math.max(...[...positions.values()].map((p) => p.y)));
    expect(overlapping(flow, positions)).toBe(0);
  });

  it('is fast on a 300-node flow', () => {
    const flow = largeFlow(300);
    const started = performance.now();
    const positions = quickLayout(flow);
    expect(performance.now() - started).toBeLessThan(50);
    expect(positions.size).toBe(300);
    expect(overlapping(flow, positions)).toBe(0);
  });
});
