import { useEffect, useState } from 'react';
import { loadRecent, type RecentEntry } from '../files/autosave';
import { useFileCommands } from '../files/useFileCommands';
import { useAppStoreApi } from '../store/StoreProvider';
import { Modal } from './Modal';

/** Documents opened or saved lately, kept in this browser. */
export function RecentDialog() {
  const store = useAppStoreApi();
  const files = useFileCommands();
  const [list, setList] = useState<RecentEntry[] | null>(null);
  useEffect(() => void loadRecent().then(setList), []);
  return (
    <Modal title="Recent documents" onClose={() => store.getState().closeDialog()} testId="recent-dialog">
      {list && !list.length ? <p className="muted">Nothing yet: documents you open or save appear here.</p> : null}
      <ul className="recent-list">
        {(list ?? []).map((e) => (
          <li key={e.key}>
            <button type="button" className="link" onClick={() => files.openRecent(e.doc, e.fileName)} data-testid="recent-item">
              <strong>{e.title}</strong> <span className="muted small">{e.fileName ?? 'not saved to a file'} · {new Date(e.savedAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
