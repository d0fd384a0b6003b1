import { useEffect } from 'react';
import { matchShortcut } from '../canvas/shortcuts';
import type { EditorCommands } from '../canvas/editorCommands';
import type { FileCommands } from '../files/useFileCommands';
import type { AppStore } from '../store/createAppStore';

/** True when the key belongs to a text field or code editor, not to the canvas. */
const typingIn = (t: EventTarget | null): boolean => {
  const el = t as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], .cm-editor');
};

const onCanvas = (t: EventTarget | null): boolean => t === document.body || !!(t as HTMLElement | null)?.closest?.('[data-testid="canvas"]');

/** Global editor shortcuts (see canvas/shortcuts.ts) and clipboard events for copy/paste between tabs. */
export function useShortcuts(store: AppStore, commands: EditorCommands, files: FileCommands): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut(e);
      if (!id) return;
      const s = store.getState();
      const modal = s.dialog !== null || s.quickAdd !== null;
      const fileShortcut = id === 'save' || id === 'saveAs' || id === 'open';
      if (!fileShortcut && (typingIn(e.target) || modal)) return;
      // Tab keeps moving focus between controls; it opens quick-add only on the canvas.
      if (e.key === 'Tab' && !onCanvas(e.target)) return;
      e.preventDefault();
      switch (id) {
        case 'undo':
          return commands.undo();
        case 'redo':
        case 'redoY':
          return commands.redo();
        case 'duplicate':
          return commands.duplicateSelection();
        case 'delete':
          return commands.deleteSelection();
        case 'selectAll':
          return commands.selectAll();
        case 'deselect':
          return s.select([]);
        case 'quickAdd':
          return commands.openQuickAdd();
        case 'comment':
          return commands.addComment();
        case 'fit':
          return commands.fitView();
        case 'layout':
          return void commands.autoLayout();
        case 'toggleFolds':
          return commands.toggleFolds();
        case 'zoomIn':
          return commands.zoomIn();
        case 'zoomOut':
          return commands.zoomOut();
        case 'togglePalette':
          return s.togglePref('palette');
        case 'toggleInspector':
          return s.togglePref('inspector');
        case 'toggleMinimap':
          return s.togglePref('minimap');
        case 'present':
          return s.setPresenting(!s.presenting);
        case 'save':
          return void files.save();
        case 'saveAs':
          return void files.saveAs();
        case 'open':
          return void files.open();
        case 'new':
          return files.newDocument();
        case 'help':
          return s.openDialog({ kind: 'help' });
        case 'copy':
        case 'cut':
        case 'paste':
          return;
      }
    };
    // The clipboard events carry text across documents and tabs without clipboard permissions.
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (typingIn(e.target) || store.getState().dialog) return;
      const text = commands.copySelection();
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (cut) commands.deleteSelection();
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (typingIn(e.target) || store.getState().dialog) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (commands.pasteText(text)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, [store, commands, files]);
}
