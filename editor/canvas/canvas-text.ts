/**
 * The canvas's translations handed to its 300 nodes through one context instead of one
 * `useTranslation` per node (each of those binds its own i18next listeners): cheaper to mount,
 * and a language switch still re-renders every node, because the context value changes.
 */
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type { Lang } from '../model/canvas-geometry.ts';

export interface CanvasText {
  /** Bound to the `canvas` namespace; other namespaces through `{ ns }`. */
  t: TFunction<['canvas', 'problems']>;
  lang: Lang;
}

export const CanvasTextContext = createContext<CanvasText | null>(null);

export function useCanvasText(): CanvasText {
  const text = useContext(CanvasTextContext);
  if (!text) throw new Error('canvas nodes must be rendered inside <FlowCanvas>');
  return text;
}
