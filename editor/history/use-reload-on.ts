/**
 * Reloads when `key` changes, but not on mount: useLoad has just loaded then, and a second
 * request for the same page of a million-call log is wasted work.
 */
import { useEffect, useRef } from 'react';

export function useReloadOn(key: string, reload: () => void): void {
  const shown = useRef(key);
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (shown.current === key) return;
    shown.current = key;
    latest.current();
  }, [key]);
}
