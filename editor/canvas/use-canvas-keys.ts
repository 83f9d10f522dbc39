/**
 * The canvas's keyboard shortcuts, listened to on the document while the canvas is mounted:
 * undo/redo and copy/paste work wherever the focus is on the flow page, except while typing
 * (fields, contenteditable, Monaco). Delete and select-all act only when the focus is on the
 * canvas, the palette or nowhere, so Backspace on a button of another panel never deletes steps.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { clipboardKey, copyNodes, pasteOffset, type Rect, readClipboard } from '../model/canvas-clipboard.ts';
import { type CanvasCommand, commandFor, isTextEntryTarget } from '../model/canvas-keys.ts';
import { disconnect, pasteNodes, removeNodes } from '../model/flow-edits.ts';
import { useEditor } from '../state/editor-store.ts';

export interface CanvasKeyOptions {
  /** The canvas element (delete and select-all act only with the focus inside it or the palette). */
  container: RefObject<HTMLElement | null>;
  /** Selected edges, as `source:port` ids (edge selection is local to the canvas). */
  selectedEdges: () => ReadonlySet<string>;
  clearEdgeSelection: () => void;
  /** The part of the flow that is visible, in flow coordinates (where a paste may land). */
  visibleRect: () => Rect | null;
  /** A canvas that only shows a flow (a call's path): copying and selecting, no edits. */
  readOnly?: boolean;
}

const focusScoped: ReadonlySet<CanvasCommand> = new Set(['delete', 'select-all']);

function readStorage(): string | null {
  try {
    return localStorage.getItem(clipboardKey);
  } catch {
    return null;
  }
}

/** Deletes the selected steps and connections as one undoable edit. */
export function deleteSelection(edges: ReadonlySet<string>): boolean {
  const { flow, selection, apply, select } = useEditor.getState();
  if (!flow || (selection.length === 0 && edges.size === 0)) return false;
  apply((f) => {
    let next = f;
    for (const id of edges) {
      const cut = id.indexOf(':');
      next = disconnect(next, id.slice(0, cut), id.slice(cut + 1));
    }
    return selection.length > 0 ? removeNodes(next, selection) : next;
  });
  select([]);
  return true;
}

export function useCanvasKeys(options: CanvasKeyOptions): void {
  const latest = useRef(options);
  latest.current = options;
  // How many times the current clipboard was pasted, so each paste lands a step further.
  const pasted = useRef({ text: '', count: 0 });

  useEffect(() => {
    const inScope = (target: EventTarget | null) =>
      target === document.body ||
      target === document.documentElement ||
      (target instanceof Node &&
        (latest.current.container.current?.contains(target) === true ||
          (target instanceof Element && target.closest('.fc-palette') !== null)));

    const run = (command: CanvasCommand): boolean => {
      const state = useEditor.getState();
      const { flow } = state;
      switch (command) {
        case 'undo':
          state.undo();
          return true;
        case 'redo':
          state.redo();
          return true;
        case 'copy':
        case 'cut': {
          if (!flow) return false;
          const text = copyNodes(flow, state.selection);
          if (!text) return false;
          try {
            localStorage.setItem(clipboardKey, text);
          } catch {
            return false;
          }
          pasted.current = { text, count: 0 };
          if (command === 'cut') deleteSelection(new Set());
          return true;
        }
        case 'paste': {
          const text = readStorage();
          const copied = readClipboard(text);
          if (!flow || !text || !copied) return false;
          if (pasted.current.text !== text) pasted.current = { text, count: 0 };
          const offset = pasteOffset(copied.nodes, latest.current.visibleRect(), pasted.current.count);
          pasted.current.count += 1;
          let ids: string[] = [];
          state.apply((f) => {
            const result = pasteNodes(f, copied.nodes, offset);
            ids = result.ids;
            return result.flow;
          });
          state.select(ids);
          return true;
        }
        case 'delete': {
          const done = deleteSelection(latest.current.selectedEdges());
          if (done) latest.current.clearEdgeSelection();
          return done;
        }
        case 'select-all':
          if (!flow) return false;
          state.select(flow.nodes.map((n) => n.id));
          return true;
      }
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.composedPath()[0] ?? event.target;
      if (isTextEntryTarget(target)) return;
      const command = commandFor(event);
      if (!command) return;
      if (latest.current.readOnly && command !== 'copy' && command !== 'select-all') return;
      if (focusScoped.has(command) && !inScope(target)) return;
      // Text selected on the page (a transcript, a message) is the user's to copy.
      if ((command === 'copy' || command === 'cut') && !(window.getSelection()?.isCollapsed ?? true)) return;
      if (run(command)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
