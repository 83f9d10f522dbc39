/**
 * Actions shared by the canvas, the palette and the flow page's toolbar. Those are mounted next
 * to the canvas, not inside xyflow's provider, so the canvas registers its view here: the palette
 * asks for the centre when a step is added from the keyboard, the toolbar can fit the view.
 */
import type { XYPosition } from '@xyflow/react';
import type { NodeKind } from '../../schema/kinds.ts';
import { freeSpot, nodeSize } from '../model/canvas-geometry.ts';
import { addNode } from '../model/flow-edits.ts';
import { newNode } from '../model/node-defaults.ts';
import { useEditor } from '../state/editor-store.ts';

/** dataTransfer type of a palette item being dragged. */
export const paletteMime = 'application/flowcall-kind';

/** What the mounted canvas lets the rest of the flow page do with its view. */
export interface CanvasView {
  /** The centre of the visible part, in flow coordinates. */
  centre(): XYPosition;
  /** Shows the whole flow (e.g. after the toolbar's auto-layout). */
  fit(): void;
}

let mounted: CanvasView | null = null;

/** Called by the mounted canvas; returns the unregister function. */
export function registerCanvasView(view: CanvasView): () => void {
  mounted = view;
  return () => {
    if (mounted === view) mounted = null;
  };
}

/** Fits the whole flow in view; does nothing when no canvas is mounted. */
export function fitCanvasView(): void {
  mounted?.fit();
}

/**
 * Adds a step of `kind` centred on `centre` (flow coordinates; default the centre of the view),
 * selects it and returns its id.
 */
export function addStep(kind: NodeKind, centre?: XYPosition): string | null {
  const { flow, apply, select } = useEditor.getState();
  if (!flow) return null;
  const taken = new Set(flow.nodes.map((n) => n.id));
  const at = centre ?? mounted?.centre() ?? { x: 0, y: 0 };
  const size = nodeSize(newNode(kind, taken, { x: 0, y: 0 }));
  const spot = freeSpot(
    flow.nodes.flatMap((n) => (n.ui ? [n.ui] : [])),
    { x: at.x - size.width / 2, y: at.y - size.height / 2 },
  );
  const node = newNode(kind, taken, spot);
  apply((f) => addNode(f, node));
  select([node.id]);
  return node.id;
}
