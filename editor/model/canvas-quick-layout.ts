/**
 * Where to draw steps that have no position yet (a flow imported or typed as JSON): a simple
 * layered placement — rank = breadth-first distance from the start, one row per rank. Linear
 * time, so opening a 300-node flow without positions stays instant; the toolbar's auto-layout
 * (dagre) is the careful one, run only when asked.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { portsOf, targetOf } from '../../schema/kinds.ts';
import { nodeSize, portOverhang } from './canvas-geometry.ts';

const columnGap = 48;
const rowGap = 72;

export function quickLayout(flow: FlowDocument): Map<string, { x: number; y: number }> {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const rank = new Map<string, number>();
  const queue: string[] = [];
  const enqueue = (id: string, r: number) => {
    if (rank.has(id) || !byId.has(id)) return;
    rank.set(id, r);
    queue.push(id);
  };
  const walk = (from: string, r: number) => {
    enqueue(from, r);
    while (queue.length > 0) {
      const id = queue.shift()!;
      const node = byId.get(id)!;
      for (const port of portsOf(node)) {
        const target = targetOf(node, port);
        if (target !== undefined) enqueue(target, rank.get(id)! + 1);
      }
    }
  };
  walk(flow.start, 0);
  // Steps the start cannot reach go below everything else, each followed by what it leads to.
  for (const node of flow.nodes) if (!rank.has(node.id)) walk(node.id, Math.max(0, ...rank.values()) + 1);

  const rows: string[][] = [];
  for (const [id, r] of rank) {
    const row = rows[r] ?? [];
    row.push(id);
    rows[r] = row;
  }
  const positions = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const row of rows) {
    if (!row) continue;
    const sizes = row.map((id) => nodeSize(byId.get(id)!));
    const total = sizes.reduce((sum, s) => sum + s.width, 0) + columnGap * (row.length - 1);
    let x = -Math.round(total / 2);
    for (const [i, id] of row.entries()) {
      positions.set(id, { x, y });
      x += sizes[i]!.width + columnGap;
    }
    y += Math.max(...sizes.map((s) => s.height)) + portOverhang + rowGap;
  }
  return positions;
}
