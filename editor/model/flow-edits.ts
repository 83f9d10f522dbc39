/**
 * Pure edits of a flow document. The editor's state holds a FlowDocument; every user action is
 * one of these functions (old document in, new document out), which makes undo/redo a list of
 * documents and keeps the canvas, the inspector and the JSON view in step.
 */
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { freshId } from './node-defaults.ts';

type Next = Record<string, string>;
const nextOf = (node: Node): Next => ({ ...((node.next as Next | undefined) ?? {}) });

function mapNodes(flow: FlowDocument, fn: (node: Node) => Node): FlowDocument {
  return { ...flow, nodes: flow.nodes.map(fn) as FlowDocument['nodes'] };
}

export function addNode(flow: FlowDocument, node: Node): FlowDocument {
  return { ...flow, nodes: [...flow.nodes, node] as FlowDocument['nodes'] };
}

/** Removes nodes and every edge into them; the start moves to the first remaining node. */
export function removeNodes(flow: FlowDocument, ids: readonly string[]): FlowDocument {
  const gone = new Set(ids);
  const nodes = flow.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => {
      const next = Object.fromEntries(Object.entries(nextOf(n)).filter(([, target]) => !gone.has(target)));
      return n.kind === 'hangup' ? n : ({ ...n, next } as Node);
    });
  if (nodes.length === 0) return flow; // a flow keeps at least one step
  const start = gone.has(flow.start) ? nodes[0]!.id : flow.start;
  return { ...flow, start, nodes: nodes as FlowDocument['nodes'] };
}

/** Points `port` of `source` at `target` (replacing what it pointed at). */
export function connect(flow: FlowDocument, source: string, port: string, target: string): FlowDocument {
  return mapNodes(flow, (n) =>
    n.id === source && n.kind !== 'hangup' ? ({ ...n, next: { ...nextOf(n), [port]: target } } as Node) : n,
  );
}

export function disconnect(flow: FlowDocument, source: string, port: string): FlowDocument {
  return mapNodes(flow, (n) => {
    if (n.id !== source) return n;
    const next = nextOf(n);
    delete next[port];
    return { ...n, next } as Node;
  });
}

export function moveNodes(
  flow: FlowDocument,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): FlowDocument {
  return mapNodes(flow, (n) => {
    const p = positions.get(n.id);
    return p ? ({ ...n, ui: { x: Math.round(p.x), y: Math.round(p.y) } } as Node) : n;
  });
}

/** Replaces a node (same id) with an edited copy, e.g. from the inspector. */
export function replaceNode(flow: FlowDocument, node: Node): FlowDocument {
  return mapNodes(flow, (n) => (n.id === node.id ? node : n));
}

/** Renames a node and every edge and the start that point at it. */
export function renameNode(flow: FlowDocument, from: string, to: string): FlowDocument {
  if (from === to || flow.nodes.some((n) => n.id === to)) return flow;
  const renamed = mapNodes(flow, (n) => {
    const next = Object.fromEntries(
      Object.entries(nextOf(n)).map(([port, t]) => [port, t === from ? to : t]),
    );
    const base = n.id === from ? { ...n, id: to } : n;
    return (base.kind === 'hangup' ? base : { ...base, next }) as Node;
  });
  return { ...renamed, start: flow.start === from ? to : flow.start };
}

export function setStart(flow: FlowDocument, id: string): FlowDocument {
  return flow.nodes.some((n) => n.id === id) ? { ...flow, start: id } : flow;
}

/**
 * Pastes copied nodes: fresh ids where they clash, edges between pasted nodes kept, edges to
 * nodes outside the copy dropped, positions shifted so the copy does not hide the original.
 */
export function pasteNodes(
  flow: FlowDocument,
  copied: readonly Node[],
  offset = { x: 40, y: 40 },
): { flow: FlowDocument; ids: string[] } {
  const taken = new Set(flow.nodes.map((n) => n.id));
  const rename = new Map<string, string>();
  for (const node of copied) {
    const id = taken.has(node.id) ? freshId(node.kind, taken) : node.id;
    taken.add(id);
    rename.set(node.id, id);
  }
  const pasted = copied.map((node) => {
    const next = Object.fromEntries(
      Object.entries(nextOf(node)).flatMap(([port, t]) => (rename.has(t) ? [[port, rename.get(t)!]] : [])),
    );
    const ui = { x: (node.ui?.x ?? 0) + offset.x, y: (node.ui?.y ?? 0) + offset.y };
    const copy = { ...structuredClone(node), id: rename.get(node.id)!, ui };
    return (copy.kind === 'hangup' ? copy : { ...copy, next }) as Node;
  });
  return {
    flow: { ...flow, nodes: [...flow.nodes, ...pasted] as FlowDocument['nodes'] },
    ids: pasted.map((n) => n.id),
  };
}

/** A blank flow: one greeting that hangs up. */
export function blankFlow(id: string, name: string): FlowDocument {
  return {
    schemaVersion: 1,
    id,
    name,
    language: 'ja-JP',
    timezone: 'Asia/Tokyo',
    start: 'greeting',
    nodes: [
      {
        id: 'greeting',
        kind: 'say',
        params: { text: 'お電話ありがとうございます。' },
        next: {},
        ui: { x: 0, y: 0 },
      },
    ],
  };
}
