import { useEffect } from 'react';
import { useAppStoreApi } from '../store/StoreProvider';
import { useEditorCommands } from './editorCommands';

/** Where the context menu opened and on what. */
export interface ContextMenuAt {
  screen: { x: number; y: number };
  flow: { x: number; y: number };
  target: 'pane' | 'selection';
}

interface Item {
  label: string;
  keys?: string;
  run: () => void;
}

/** Right-click menu of the canvas: the same commands as the keyboard, for people who look for them there. */
export function CanvasContextMenu({ at, onClose }: { at: ContextMenuAt; onClose: () => void }) {
  const store = useAppStoreApi();
  const commands = useEditorCommands();
  useEffect(() => {
    const close = () => onClose();
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    window.addEventListener('wheel', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
      window.removeEventListener('wheel', close);
    };
  }, [onClose]);
  const copy = () => {
    const text = commands.copySelection();
    if (text) void navigator.clipboard?.writeText(text).catch(() => store.getState().toast('error', 'The browser refused the clipboard: use Ctrl+C.'));
  };
  const paste = () =>
    void navigator.clipboard
      ?.readText()
      .then((text) => commands.pasteText(text) || store.getState().toast('info', 'The clipboard holds no operations.'))
      .catch(() => store.getState().toast('error', 'The browser refused the clipboard: use Ctrl+V.'));
  const items: Item[] =
    at.target === 'selection'
      ? [
          { label: 'Duplicate', keys: 'Ctrl+D', run: commands.duplicateSelection },
          { label: 'Copy', keys: 'Ctrl+C', run: copy },
          { label: 'Delete', keys: 'Delete', run: commands.deleteSelection },
        ]
      : [
          { label: 'Add operation…', keys: '/', run: () => store.getState().openQuickAdd({ screen: at.screen, flow: at.flow }) },
          { label: 'Add comment here', keys: 'Shift+C', run: () => store.getState().addComment({ x: at.flow.x, y: at.flow.y }) },
          { label: 'Paste', keys: 'Ctrl+V', run: paste },
          { label: 'Select all', keys: 'Ctrl+A', run: commands.selectAll },
          { label: 'Auto layout', keys: 'Shift+L', run: () => void commands.autoLayout() },
          { label: 'Fit view', keys: 'Shift+1', run: commands.fitView },
        ];
  // Keep the whole menu on screen near the pointer.
  const left = Math.min(at.screen.x, window.innerWidth - 250);
  const top = Math.min(at.screen.y, window.innerHeight - items.length * 34 - 16);
  return (
    <div className="menu-list context-menu" role="menu" style={{ position: 'fixed', left, top }} onMouseDown={(e) => e.stopPropagation()} data-testid="context-menu">
      {items.map((it) => (
        <button
          key={it.label}
          type="button"
          role="menuitem"
          onClick={() => {
            onClose();
            it.run();
          }}
        >
          <span>{it.label}</span>
          {it.keys ? <kbd>{it.keys}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
