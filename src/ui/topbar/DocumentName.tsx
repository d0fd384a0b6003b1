import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** The document's title, edited in place; shows whether there are unsaved changes. */
export function DocumentName() {
  const store = useAppStoreApi();
  const title = useAppStore((s) => s.doc.title);
  const fileName = useAppStore((s) => s.fileName);
  const dirty = useAppStore((s) => s.savedDoc !== s.doc);
  return (
    <div className="doc-name">
      <input className="doc-title" aria-label="Document name" value={title} onChange={(e) => store.getState().setMeta({ title: e.target.value })} data-testid="doc-title" size={Math.max(12, Math.min(40, title.length + 2))} />
      <span className="muted small" title={dirty ? 'Unsaved changes (kept by autosave)' : 'Saved'} data-testid="file-status">
        {fileName ?? 'not saved to a file'}
        {dirty ? ' •' : ''}
      </span>
    </div>
  );
}
