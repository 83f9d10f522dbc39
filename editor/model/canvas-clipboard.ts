/**
 * Copy and paste of steps. The copy lives in localStorage (not only in memory) so it survives
 * leaving one flow's page and can be pasted into another flow. Whatever is read back is checked:
 * localStorage is shared with every tab and may hold anything.
 */
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import { isNodeKind } from '../../schema/kinds.ts';

export const clipboardKey = 'flowcall.clipboard';

interface ClipboardPayload {
  type: 'flowcall/nodes';
  version: 1;
  /** The flow it was copied from, to know whether a paste should shift next to the originals. */
  flowId: string;
  nodes: Node[];
}

/** The selected nodes of a flow, as the JSON kept under `flowcall.clipboard`; null when none. */
export function copyNodes(flow: FlowDocument, ids: readonly string[]): string | null {
  const wanted = new Set(ids);
  const nodes = flow.nodes.filter((n) => wanted.has(n.id));
  if (nodes.length === 0) return null;
  const payload: ClipboardPayload = { type: 'flowcall/nodes', version: 1, flowId: flow.id, nodes };
  return JSON.stringify(payload);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function looksLikeNode(value: unknown): value is Node {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    isNodeKind(value.kind) &&
    (value.params === undefined || isObject(value.params)) &&
    (value.next === undefined || isObject(value.next)) &&
    (value.ui === undefined ||
      (isObject(value.ui) && typeof value.ui.x === 'number' && typeof value.ui.y === 'number'))
  );
}

/** The copied nodes, or null when the text is not a flowcall copy. */
export function readClipboard(text: string | null): { flowId: string; nodes: Node[] } | null {
  if (!text) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(payload) || payload.type !== 'flowcall/nodes' || !Array.isArray(payload.nodes)) return null;
  const nodes = payload.nodes.filter(looksLikeNode);
  if (nodes.length === 0) return null;
  return { flowId: typeof payload.flowId === 'string' ? payload.flowId : '', nodes };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boundsOf(nodes: readonly Node[]): Rect {
  const xs = nodes.map((n) => n.ui?.x ?? 0);
  const ys = nodes.map((n) => n.ui?.y ?? 0);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

const intersects = (a: Rect, b: Rect) =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

/**
 * Where a paste goes: next to the originals (each further paste a step further), unless that
 * is out of sight — then centred in the visible part of the canvas.
 */
export function pasteOffset(
  nodes: readonly Node[],
  visible: Rect | null,
  pasteCount: number,
): { x: number; y: number } {
  const step = 40 * (pasteCount + 1);
  const bounds = boundsOf(nodes);
  const shifted = { ...bounds, x: bounds.x + step, y: bounds.y + step };
  if (!visible || intersects(shifted, visible)) return { x: step, y: step };
  return {
    x: Math.round(visible.x + visible.width / 2 - (bounds.x + bounds.width / 2)),
    y: Math.round(visible.y + visible.height / 2 - (bounds.y + bounds.height / 2)),
  };
}
