/**
 * The canvas's keyboard shortcuts, as a pure mapping from a key event to a command, and the
 * rule for when they must stay out of the way: while typing in a field, a contenteditable or
 * the JSON view (Monaco), Ctrl+Z and Backspace belong to the text, not to the flow.
 */
export type CanvasCommand = 'undo' | 'redo' | 'copy' | 'cut' | 'paste' | 'delete' | 'select-all';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function commandFor(event: KeyLike): CanvasCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (event.altKey) return null;
  if (!mod) return event.key === 'Delete' || event.key === 'Backspace' ? 'delete' : null;
  switch (event.key.toLowerCase()) {
    case 'z':
      return event.shiftKey ? 'redo' : 'undo';
    case 'y':
      return event.shiftKey ? null : 'redo';
    case 'c':
      return event.shiftKey ? null : 'copy';
    case 'x':
      return event.shiftKey ? null : 'cut';
    case 'v':
      return event.shiftKey ? null : 'paste';
    case 'a':
      return event.shiftKey ? null : 'select-all';
    default:
      return null;
  }
}

/** The part of a DOM element the rule needs (so it can be tested without a browser). */
export interface ElementLike {
  isContentEditable?: boolean;
  closest(selector: string): unknown;
}

const textEntry = 'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor';

/** True when keys typed at this target are text editing, not canvas commands. */
export function isTextEntryTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null || !('closest' in target)) return false;
  const element = target as ElementLike;
  return element.isContentEditable === true || element.closest(textEntry) !== null;
}
