/**
 * Unsaved changes are not lost by accident. Closing or reloading the tab gets the browser's own
 * question (beforeunload). Moving inside the app changes the hash, and the app's router would
 * unmount this page on `hashchange`. But every fragment navigation (a link, `location.hash = …`,
 * the back button) fires `popstate` first and queues `hashchange` after it, so the guard puts
 * this page's address back in `popstate` (replaceState fires nothing): when the router then
 * reads the hash, it is still this flow's, and nothing unmounts. The page asks in its own
 * dialog; leaving replays the navigation once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { hasUnsavedFlow, isFlowRoute } from '../model/page-status.ts';
import { useEditor } from '../state/editor-store.ts';

export function useLeaveGuard(flowId: string) {
  const [pending, setPending] = useState<string | null>(null);
  /** A navigation the user confirmed: let it through once. */
  const allowed = useRef<string | null>(null);
  /** This page's address, to put back. */
  const here = useRef(window.location.href);

  useEffect(() => {
    here.current = window.location.href;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedFlow(useEditor.getState())) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    const onPopState = () => {
      const target = window.location.href;
      if (allowed.current === target) {
        allowed.current = null;
        return;
      }
      if (isFlowRoute(window.location.hash, flowId)) {
        here.current = target;
        return;
      }
      if (!hasUnsavedFlow(useEditor.getState())) return;
      window.history.replaceState(window.history.state, '', here.current);
      setPending(target);
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
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
