import { useAppStore } from '../store/StoreProvider';
import { DocumentInspector } from './DocumentInspector';
import { OperationInspector } from './OperationInspector';

/** The right panel: the selected operation's form, or the document when nothing (or several) is selected. */
export function Inspector() {
  const single = useAppStore((s) => (s.selection.length === 1 && s.doc.operations.some((o) => o.id === s.selection[0]) ? s.selection[0]! : null));
  const many = useAppStore((s) => s.selection.length);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {single ? <OperationInspector key={single} opId={single} /> : null}
      {!single && many > 1 ? <p className="muted inspector-note">{many} items selected. Ctrl+D duplicates, Delete removes them.</p> : null}
      {!single ? <DocumentInspector /> : null}
    </aside>
  );
}
