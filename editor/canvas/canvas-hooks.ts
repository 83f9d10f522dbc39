/**
 * Small hooks of the canvas: today's date in the flow's time zone (for the hours summaries,
 * re-checked every minute so a canvas left open overnight moves to the new day), and positions
 * for steps that have none yet.
 */
import type { XYPosition } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { type LocalParts, localParts } from '../../runtime/engine/local-time.ts';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { quickLayout } from '../model/canvas-quick-layout.ts';

export function useToday(timeZone: string | undefined): LocalParts | undefined {
  const zone = timeZone ?? 'Asia/Tokyo';
  const [today, setToday] = useState(() => localParts(new Date().toISOString(), zone));
  useEffect(() => {
    const check = () => {
      const now = localParts(new Date().toISOString(), zone);
      // Same day: keep the object, so no hours summary is recomputed.
      setToday((previous) => (previous?.date === now?.date ? previous : now));
    };
    check();
    const timer = window.setInterval(check, 60_000);
    return () => window.clearInterval(timer);
  }, [zone]);
  return today;
}

/**
 * Positions for steps without `ui` (a flow imported as JSON), recomputed only when the set of
 * such steps changes — not on every edit — so they stay put while the user works around them.
 */
export function useFallbackPositions(flow: FlowDocument | null): ReadonlyMap<string, XYPosition> | undefined {
  const cache = useRef<{ key: string; positions: ReadonlyMap<string, XYPosition> | undefined }>({
    key: '',
    positions: undefined,
  });
  const key = flow ? flow.nodes.flatMap((n) => (n.ui ? [] : [n.id])).join('\n') : '';
  if (cache.current.key !== key) {
    cache.current = { key, positions: key && flow ? quickLayout(flow) : undefined };
  }
  return cache.current.positions;
}
