/**
 * What the user does with the mouse or keyboard on the diagram, turned into the store's edits.
 * Only the gesture in flight stays local: positions while a step is dragged (committed as one
 * `moveNodes` when it is dropped) and which connections are selected.
 */
import type { Connection, Edge, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { StepNode } from '../model/canvas-graph.ts';
import { connect, disconnect, moveNodes } from '../model/flow-edits.ts';
import { useEditor } from '../state/editor-store.ts';

const noPositions: ReadonlyMap<string, XYPosition> = new Map();
export const noEdges: ReadonlySet<string> = new Set();

export function useCanvasGestures() {
  const [dragging, setDragging] = useState(noPositions);
  const [edgeSelection, setEdgeSelection] = useState(noEdges);
  const [connecting, setConnecting] = useState(false);

  const onNodesChange = useCallback((changes: NodeChange<StepNode>[]) => {
    const state = useEditor.getState();
    const selected = new Set(state.selection);
    let selectionChanged = false;
    const moving = new Map<string, XYPosition>();
    const dropped = new Map<string, XYPosition>();
    for (const change of changes) {
      if (change.type === 'select') {
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
        selectionChanged = true;
      } else if (change.type === 'position' && change.position) {
        (change.dragging ? moving : dropped).set(change.id, change.position);
      }
      // 'remove' never comes (deletion is ours, see use-canvas-keys.ts); 'dimensions' are known
      // in advance (model/canvas-geometry.ts).
    }
    if (moving.size > 0 || dropped.size > 0) {
      setDragging((previous) => {
        const next = new Map(previous);
        for (const [id, position] of moving) next.set(id, position);
        for (const id of dropped.keys()) next.delete(id);
        return next;
      });
    }
    if (dropped.size > 0) {
      // One edit per gesture (a drag, or a burst of arrow keys on the same steps).
      const key = `move:${[...dropped.keys()].sort().join(',')}`;
      state.apply((f) => {
        const moved = f.nodes.some((n) => {
          const p = dropped.get(n.id);
          return p && (n.ui?.x !== Math.round(p.x) || n.ui?.y !== Math.round(p.y));
        });
        return moved ? moveNodes(f, dropped) : f;
      }, key);
    }
    if (selectionChanged) {
      const ids = [...selected];
      const same = ids.length === state.selection.length && ids.every((id) => state.selection.includes(id));
      if (!same) state.select(ids);
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (selects.length === 0) return;
    setEdgeSelection((previous) => {
      const next = new Set(previous);
      for (const change of selects) {
        if (change.selected) next.add(change.id);
        else next.delete(change.id);
      }
      return next;
    });
  }, []);

  const onConnect = useCallback((c: Connection) => {
    if (c.sourceHandle) useEditor.getState().apply((f) => connect(f, c.source, c.sourceHandle!, c.target));
  }, []);
  const onReconnect = useCallback((old: Edge, c: Connection) => {
    if (!old.sourceHandle || !c.sourceHandle) return;
    useEditor
      .getState()
      .apply((f) =>
        connect(disconnect(f, old.source, old.sourceHandle!), c.source, c.sourceHandle!, c.target),
      );
  }, []);
  // Dropping back on the step itself is a cancelled gesture, not a loop.
  const isValidConnection = useCallback((c: Connection | Edge) => c.source !== c.target, []);
  const onConnectStart = useCallback(() => setConnecting(true), []);
  const onConnectEnd = useCallback(() => setConnecting(false), []);

  return {
    dragging,
    edgeSelection,
    setEdgeSelection,
    connecting,
    onNodesChange,
    onEdgesChange,
    onConnect,
    onReconnect,
    isValidConnection,
    onConnectStart,
    onConnectEnd,
  };
}
