/** One keyboard shortcut, as the help dialog lists it and the handler matches it. */
export interface Shortcut {
  id: ShortcutId;
  keys: string;
  label: string;
  group: 'Edit' | 'Canvas' | 'View' | 'File' | 'Help';
}

export type ShortcutId =
  | 'undo'
  | 'redo'
  | 'redoY'
  | 'copy'
  | 'cut'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'selectAll'
  | 'deselect'
  | 'quickAdd'
  | 'comment'
  | 'fit'
  | 'layout'
  | 'toggleFolds'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglePalette'
  | 'toggleInspector'
  | 'toggleMinimap'
  | 'present'
  | 'save'
  | 'saveAs'
  | 'open'
  | 'new'
  | 'help';

/** Every shortcut, in the order the help dialog shows them (Figma/Excalidraw conventions). */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'undo', keys: 'Ctrl+Z', label: 'Undo', group: 'Edit' },
  { id: 'redo', keys: 'Ctrl+Shift+Z', label: 'Redo', group: 'Edit' },
  { id: 'redoY', keys: 'Ctrl+Y', label: 'Redo', group: 'Edit' },
  { id: 'copy', keys: 'Ctrl+C', label: 'Copy selection (also to other documents and tabs)', group: 'Edit' },
  { id: 'cut', keys: 'Ctrl+X', label: 'Cut selection', group: 'Edit' },
  { id: 'paste', keys: 'Ctrl+V', label: 'Paste', group: 'Edit' },
  { id: 'duplicate', keys: 'Ctrl+D', label: 'Duplicate selection', group: 'Edit' },
  { id: 'delete', keys: 'Delete', label: 'Delete selected operations, comments and edges (also Backspace)', group: 'Edit' },
  { id: 'selectAll', keys: 'Ctrl+A', label: 'Select all', group: 'Edit' },
  { id: 'deselect', keys: 'Escape', label: 'Clear selection, close dialogs', group: 'Edit' },
  { id: 'quickAdd', keys: '/', label: 'Quick-add an operation (also Tab, or double-click the canvas, or drop an edge on empty canvas)', group: 'Canvas' },
  { id: 'comment', keys: 'Shift+C', label: 'Add a comment', group: 'Canvas' },
  { id: 'fit', keys: 'Shift+1', label: 'Fit the graph in view', group: 'Canvas' },
  { id: 'layout', keys: 'Shift+L', label: 'Automatic layout, left to right (long chains wrap into rows)', group: 'Canvas' },
  { id: 'toggleFolds', keys: 'Shift+F', label: 'Fold repeated branches into stacks, or unfold them all', group: 'Canvas' },
  { id: 'zoomIn', keys: '+', label: 'Zoom in', group: 'Canvas' },
  { id: 'zoomOut', keys: '-', label: 'Zoom out', group: 'Canvas' },
  { id: 'togglePalette', keys: '[', label: 'Hide or show the operations palette', group: 'View' },
  { id: 'toggleInspector', keys: ']', label: 'Hide or show the inspector', group: 'View' },
  { id: 'toggleMinimap', keys: 'Shift+M', label: 'Hide or show the minimap', group: 'View' },
  { id: 'present', keys: 'Shift+P', label: 'Presentation mode: Space steps, P plays/pauses, ←/→ move between operations, F fits, 1 2 3 pick the view, Esc leaves', group: 'View' },
  { id: 'save', keys: 'Ctrl+S', label: 'Save', group: 'File' },
  { id: 'saveAs', keys: 'Ctrl+Shift+S', label: 'Save as…', group: 'File' },
  { id: 'open', keys: 'Ctrl+O', label: 'Open…', group: 'File' },
  { id: 'new', keys: 'Alt+N', label: 'New document', group: 'File' },
  { id: 'help', keys: '?', label: 'This list of shortcuts', group: 'Help' },
];

/** Which shortcut a key event means, if any. Ctrl and Cmd are the same. */
export function matchShortcut(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutId | null {
  const mod = e.ctrlKey || e.metaKey;
  const k = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (k === 'y') return 'redoY';
    if (k === 'd') return 'duplicate';
    if (k === 'a') return 'selectAll';
    if (k === 's') return e.shiftKey ? 'saveAs' : 'save';
    if (k === 'o') return 'open';
    return null;
  }
  if (e.altKey && !mod && e.code === 'KeyN') return 'new';
  if (mod || e.altKey) return null;
  if (e.key === 'Delete' || e.key === 'Backspace') return 'delete';
  if (e.key === 'Escape') return 'deselect';
  if (e.key === '/' || e.key === 'Tab') return 'quickAdd';
  if (e.key === '?') return 'help';
  if (e.shiftKey && (e.code === 'Digit1' || e.key === '!')) return 'fit';
  if (e.shiftKey && k === 'l') return 'layout';
  if (e.shiftKey && k === 'c') return 'comment';
  if (e.key === '[') return 'togglePalette';
  if (e.key === ']') return 'toggleInspector';
  if (e.shiftKey && k === 'm') return 'toggleMinimap';
  if (e.shiftKey && k === 'p') return 'present';
  if (e.shiftKey && k === 'f') return 'toggleFolds';
  if (e.key === '+' || e.key === '=') return 'zoomIn';
  if (e.key === '-' || e.key === '_') return 'zoomOut';
  return null;
}
