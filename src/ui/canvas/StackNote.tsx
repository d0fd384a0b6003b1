import { useAppStore } from '../store/StoreProvider';
import { drawnGraph } from './drawnGraph';
import { useEditorCommands } from './editorCommands';

/** Above the inspector of a folded stack: which member is shown, that edits touch only it, and a way to unfold. */
export function StackNote({ opId }: { opId: string }) {
  const count = useAppStore((s) => drawnGraph(s.doc, s.folds).stacks.get(opId)?.members.length ?? 0);
  const serial = useAppStore((s) => drawnGraph(s.doc, s.folds).stacks.get(opId)?.kind === 'serial');
  const commands = useEditorCommands();
  if (count < 2) return null;
  return (
    <p className="inspector-note stack-note" data-testid="stack-note">
      {serial ? `Round 1 of ${count}` : `Branch 1 of ${count}`} folded into this stack: edits here apply to this one only (once edited it no longer matches the others, so the stack unfolds).{' '}
      <button type="button" className="link" onClick={() => commands.setStackFolded(opId, false)} data-testid="stack-note-unfold">
        Unfold all {count}
      </button>
    </p>
  );
}
