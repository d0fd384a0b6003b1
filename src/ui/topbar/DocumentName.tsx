import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

/** The document's title, edited in place, and a short save status (details in its tooltip). */
export function DocumentName() {
  const store = useAppStoreApi();
  const title = useAppStore((s) => s.doc.title);
  const fileName = useAppStore((s) => s.fileName);
  const dirty = useAppStore((s) => s.savedDoc !== s.doc);
  const status = fileName
    ? `${fileName}: ${dirty ? 'changed since saved (kept by autosave)' : 'saved'}`
    : 'Not saved to a file yet; autosave keeps it in this browser (Ctrl+S saves a file)';
  return (
    <div className="doc-name">
      <input className="doc-title" aria-label="Document name" title={title} value={title} onChange={(e) => store.getState().setMeta({ title: e.target.value })} data-testid="doc-title" size={Math.max(8, Math.min(32, title.length + 1))} />
      <span className={`file-status${fileName && dirty ? ' dirty' : ''}`} title={status} aria-label={status} data-testid="file-status">
        {fileName ?? 'Draft'}
      </span>
    </div>
  );
}
