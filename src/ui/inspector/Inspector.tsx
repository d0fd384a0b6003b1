import { LoadBoundary } from '../shell/LoadBoundary';
import { lazyView } from '../shell/preloadable';
import { useAppStore } from '../store/StoreProvider';
import { DocumentInspector } from './DocumentInspector';

// An operation's form (parameter, parser and function editors) loads when an operation is first selected.
// The note over a folded stack's inspector is only needed once a graph is folded.
const StackNote = lazyView(() => import('../canvas/StackNote'), 'StackNote');
const OperationInspector = lazyView(() => import('./OperationInspector'), 'OperationInspector');

/** The right panel: the selected operation's form, or the document when nothing (or several) is selected. */
export function Inspector() {
  const single = useAppStore((s) => (s.selection.length === 1 && s.doc.operations.some((o) => o.id === s.selection[0]) ? s.selection[0]! : null));
  const many = useAppStore((s) => s.selection.length);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      {single ? (
        <LoadBoundary what="the operation's form" fallback={<p className="muted inspector-note">Loading…</p>}>
          <StackNote opId={single} />
          <OperationInspector key={single} opId={single} />
        </LoadBoundary>
      ) : null}
      {!single && many > 1 ? <p className="muted inspector-note">{many} items selected. Ctrl+D duplicates, Delete removes them.</p> : null}
      {!single ? <DocumentInspector /> : null}
    </aside>
  );
}
