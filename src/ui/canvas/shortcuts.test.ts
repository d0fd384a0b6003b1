import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUTS } from './shortcuts';
import { searchOperations } from './QuickAdd';

const key = (k: string, mods: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; meta: boolean; code: string }> = {}) => ({
  key: k,
  code: mods.code ?? `Key${k.toUpperCase()}`,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('keyboard shortcuts', () => {
  it('follow editor conventions for undo and redo, with Cmd as Ctrl', () => {
    expect(matchShortcut(key('z', { ctrl: true }))).toBe('undo');
    expect(matchShortcut(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(matchShortcut(key('y', { ctrl: true }))).toBe('redoY');
    expect(matchShortcut(key('z', { meta: true }))).toBe('undo');
  });

  it('map canvas keys', () => {
    expect(matchShortcut(key('!', { shift: true, code: 'Digit1' }))).toBe('fit');
    expect(matchShortcut(key('L', { shift: true }))).toBe('layout');
    expect(matchShortcut(key('/', { code: 'Slash' }))).toBe('quickAdd');
    expect(matchShortcut(key('Tab', { code: 'Tab' }))).toBe('quickAdd');
    expect(matchShortcut(key('Delete', { code: 'Delete' }))).toBe('delete');
    expect(matchShortcut(key('d', { ctrl: true }))).toBe('duplicate');
    expect(matchShortcut(key('?', { shift: true, code: 'Slash' }))).toBe('help');
  });

  it('open presentation mode with Shift+P, and leave plain P to it', () => {
    expect(matchShortcut(key('P', { shift: true }))).toBe('present');
    expect(matchShortcut(key('p'))).toBeNull();
  });

  it('hide and show the palette, inspector and minimap', () => {
    expect(matchShortcut(key('[', { code: 'BracketLeft' }))).toBe('togglePalette');
    expect(matchShortcut(key(']', { code: 'BracketRight' }))).toBe('toggleInspector');
    expect(matchShortcut(key('M', { shift: true }))).toBe('toggleMinimap');
    expect(matchShortcut(key('m'))).toBeNull();
  });

  it('ignores plain letters so typing never triggers commands', () => {
    expect(matchShortcut(key('a'))).toBeNull();
    expect(matchShortcut(key('l'))).toBeNull();
  });

  it('lists every shortcut the handler knows once in the help', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
  });
});

describe('quick-add search', () => {
  it('puts name matches before help matches', () => {
    expect(searchOperations('keep').slice(0, 2)).toEqual(['keepBestN', 'keepValid']);
    expect(searchOperations('agg')[0]).toBe('aggregate');
    expect(searchOperations('')).toHaveLength(9);
    expect(searchOperations('zzz')).toEqual([]);
  });
});
