/**
 * Measures a step's handles once it is drawn, and again when its ports change. xyflow starts
 * from the estimates of model/canvas-geometry.ts (so it never draws a step just to measure it);
 * the drawn step replaces them with the real places. All steps drawn in one frame are measured
 * together in the next one: one store update, not one per step.
 */
import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

type Store = ReturnType<typeof useStoreApi>;
const pending = new WeakMap<Store, Set<string>>();

function measureSoon(store: Store, id: string): void {
  let ids = pending.get(store);
  if (!ids) {
    const batch = new Set<string>();
    ids = batch;
    pending.set(store, batch);
    requestAnimationFrame(() => {
      pending.delete(store);
      const { domNode, updateNodeInternals } = store.getState();
      const updates = new Map<string, { id: string; nodeElement: HTMLDivElement; force: boolean }>();
      for (const nodeId of batch) {
        const nodeElement = domNode?.querySelector<HTMLDivElement>(
          `.react-flow__node[data-id="${CSS.escape(nodeId)}"]`,
        );
        if (nodeElement) updates.set(nodeId, { id: nodeId, nodeElement, force: true });
      }
      if (updates.size > 0) updateNodeInternals(updates, { triggerFitView: false });
    });
  }
  ids.add(id);
}

/** `portsKey` names the ports as drawn: a change (a menu option added, renamed) re-measures. */
export function useMeasureHandles(id: string, portsKey: string): void {
  const store = useStoreApi();
  // biome-ignore lint/correctness/useExhaustiveDependencies: portsKey is the reason to measure again
  useEffect(() => measureSoon(store, id), [store, id, portsKey]);
}
