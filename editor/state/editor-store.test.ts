import { beforeEach, describe, expect, it } from 'vitest';
import { blankFlow, connect, moveNodes, setStart } from '../model/flow-edits.ts';
import { hasUnsavedChanges, useEditor } from './editor-store.ts';

const store = () => useEditor.getState();

beforeEach(() => {
  store().close();
  store().setContext({}, undefined);
  store().open(blankFlow('f', 'フロー'), null);
});

describe('editor store', () => {
  it('undoes and redoes whole edits, and a new edit clears the redo list', () => {
    store().apply((f) => ({ ...f, name: '一' }));
    store().apply((f) => ({ ...f, name: '二' }));
    store().undo();
    expect(store().flow?.name).toBe('一');
    store().redo();
    expect(store().flow?.name).toBe('二');
    store().undo();
    store().apply((f) => ({ ...f, name: '三' }));
    expect(store().future).toEqual([]);
  });

  it('merges edits with the same coalesce key into one undo step (a drag, typing in a field)', () => {
    for (const x of [10, 20, 30])
      store().apply((f) => moveNodes(f, new Map([['greeting', { x, y: 0 }]])), 'move:greeting');
    expect(store().past).toHaveLength(1);
    store().undo();
    expect(store().flow?.nodes[0]?.ui).toEqual({ x: 0, y: 0 });
  });

  it('revalidates on every change so problems appear and clear live', () => {
    store().apply((f) => connect(f, 'greeting', 'next', 'missing'));
    expect(store().issues.map((i) => i.code)).toContain('unknown-target');
    store().undo();
    expect(store().issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('knows when there are unsaved changes', () => {
    expect(hasUnsavedChanges(store())).toBe(false);
    store().apply((f) => setStart({ ...f, name: '変更' }, 'greeting'));
    expect(hasUnsavedChanges(store())).toBe(true);
    store().markSaved(store().flow!);
    expect(hasUnsavedChanges(store())).toBe(false);
  });
});
