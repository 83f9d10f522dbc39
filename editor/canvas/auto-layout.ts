/**
 * Auto-layout: places every step top to bottom with dagre, using the same node sizes as the
 * canvas so nothing overlaps. Pure (a document in, a document out), so the toolbar runs it
 * through the store's `apply` and it is one undo step.
 */
import dagre from '@dagrejs/dagre';
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { portsOf, targetOf } from '../../schema/kinds.ts';
import { nodeSize, portOverhang } from '../model/canvas-geometry.ts';

const layoutOptions = { rankdir: 'TB', nodesep: 48, ranksep: 72, edgesep: 16, marginx: 0, marginy: 0 };

/** The start first, then breadth-first along the ports: dagre's order follows insertion. */
function layoutOrder(flow: FlowDocument): Node[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const order: Node[] = [];
  const queue = [flow.start];
  const visit = (id: string) => {
    const node = byId.get(id);
    if (!node || seen.has(id)) return;
    seen.add(id);
    order.push(node);
    for (const port of portsOf(node)) {
      const target = targetOf(node, port);
      if (target !== undefined) queue.push(target);
    }
  };
  let i = 0;
  const drain = () => {
    for (; i < queue.length; i += 1) visit(queue[i]!);
  };
  drain();
  // Steps the start cannot reach still get a place, each followed by what it leads to.
  for (const node of flow.nodes) {
    if (seen.has(node.id)) continue;
    queue.push(node.id);
    drain();
  }
  return order;
}

/** Top-left positions (in flow coordinates) of every node, the start at the top. */
export function layoutPositions(flow: FlowDocument): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph(layoutOptions);
  graph.setDefaultEdgeLabel(() => ({}));
  const order = layoutOrder(flow);
  const ids = new Set(order.map((n) => n.id));
  for (const node of order) {
    const size = nodeSize(node);
    graph.setNode(node.id, { width: size.width, height: size.height + portOverhang });
  }
  for (const node of order) {
    for (const port of portsOf(node)) {
      const target = targetOf(node, port);
      if (target === undefined || target === node.id || !ids.has(target)) continue;
      graph.setEdge(node.id, target, {}, port);
    }
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of order) {
    const placed = graph.node(node.id);
    const size = nodeSize(node);
    positions.set(node.id, {
      x: Math.round(placed.x - size.width / 2),
      y: Math.round(placed.y - (size.height + portOverhang) / 2),
    });
  }
  return positions;
}

/** The flow with every node's `ui` set by the layout; the same document when nothing moves. */
export function autoLayout(flow: FlowDocument): FlowDocument {
  const positions = layoutPositions(flow);
  let moved = false;
  const nodes = flow.nodes.map((node) => {
    const p = positions.get(node.id);
    if (!p || (node.ui?.x === p.x && node.ui?.y === p.y)) return node;
    moved = true;
    return { ...node, ui: p } as Node;
  });
  return moved ? { ...flow, nodes: nodes as FlowDocument['nodes'] } : flow;
}
