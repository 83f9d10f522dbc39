import { describe, expect, it } from 'vitest';
import { commandFor, isTextEntryTarget } from './canvas-keys.ts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {},
) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('canvas keys', () => {
  it('maps undo, redo (both spellings), copy, cut, paste and select-all on Ctrl or Cmd', () => {
    expect(commandFor(key('z', { ctrl: true }))).toBe('undo');
    expect(commandFor(key('z', { meta: true }))).toBe('undo');
    expect(commandFor(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(commandFor(key('y', { ctrl: true }))).toBe('redo');
    expect(commandFor(key('c', { meta: true }))).toBe('copy');
    expect(commandFor(key('x', { ctrl: true }))).toBe('cut');
    expect(commandFor(key('v', { ctrl: true }))).toBe('paste');
    expect(commandFor(key('a', { ctrl: true }))).toBe('select-all');
  });

  it('deletes with Delete or Backspace, and ignores plain letters and Alt chords', () => {
    expect(commandFor(key('Delete'))).toBe('delete');
    expect(commandFor(key('Backspace'))).toBe('delete');
    expect(commandFor(key('z'))).toBeNull();
    expect(commandFor(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(commandFor(key('Backspace', { ctrl: true }))).toBeNull();
  });

  it('leaves keys to fields, contenteditable and Monaco', () => {
    const element = (matches: string[], editable = false) => ({
      isContentEditable: editable,
      closest: (selector: string) => (matches.some((m) => selector.includes(m)) ? {} : null),
    });
    expect(isTextEntryTarget(element(['input']))).toBe(true);
    expect(isTextEntryTarget(element(['.monaco-editor']))).toBe(true);
    expect(isTextEntryTarget(element([], true))).toBe(true);
    expect(isTextEntryTarget({ isContentEditable: false, closest: () => null })).toBe(false);
    expect(isTextEntryTarget(null)).toBe(false);
    expect(isTextEntryTarget({})).toBe(false);
  });
});
