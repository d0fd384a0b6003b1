import { ControlButton } from '@xyflow/react';
import { useHistory } from '../store/StoreProvider';
import { useEditorCommands } from './editorCommands';

/** Undo and redo beside the zoom controls (as in Excalidraw), disabled when there is nothing to undo or redo. */
export function HistoryButtons() {
  const commands = useEditorCommands();
  const canUndo = useHistory((h) => h.pastStates.length > 0);
  const canRedo = useHistory((h) => h.futureStates.length > 0);
  return (
    <>
      <ControlButton onClick={commands.undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)" data-testid="undo" className="history-btn">
        ↶
      </ControlButton>
      <ControlButton onClick={commands.redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)" data-testid="redo" className="history-btn">
        ↷
      </ControlButton>
    </>
  );
}
