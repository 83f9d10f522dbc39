/**
 * Unsaved changes are not lost by accident. Closing or reloading the tab gets the browser's own
 * question (beforeunload). Moving inside the app changes the hash: the app's router would
 * unmount this page at once, so this guard listens in the capture phase — on the window, capture
 * listeners run before the router's — stops the event from reaching the router, puts the old
 * address back without a new event (replaceState) and asks in the page's own dialog. Leaving
 * then replays the navigation once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isFlowRoute } from '../model/page-status.ts';
import { hasUnsavedChanges, useEditor } from '../state/editor-store.ts';

export function useLeaveGuard(flowId: string) {
  const [pending, setPending] = useState<string | null>(null);
  const allowed = useRef<string | null>(null);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedChanges(useEditor.getState())) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    const onHashChange = (event: HashChangeEvent) => {
      if (allowed.current === event.newURL) {
        allowed.current = null;
        return;
      }
      if (isFlowRoute(window.location.hash, flowId) || !hasUnsavedChanges(useEditor.getState())) return;
      event.stopImmediatePropagation();
      window.history.replaceState(window.history.state, '', event.oldURL);
      setPending(event.newURL);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('hashchange', onHashChange, { capture: true });
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('hashchange', onHashChange, { capture: true });
    };
  }, [flowId]);

  /** Goes where the user wanted to go (after saving, or giving the changes up). */
  const leave = useCallback(() => {
    if (!pending) return;
    allowed.current = pending;
    setPending(null);
    window.location.href = pending;
  }, [pending]);

  const stay = useCallback(() => setPending(null), []);

  return { pending, leave, stay };
}
