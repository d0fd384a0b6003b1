import { useAppStoreApi } from '../store/StoreProvider';
import { Modal } from './Modal';

/** The share link (graph only: no keys, no run data), ready to copy. */
export function ShareDialog({ url }: { url: string }) {
  const store = useAppStoreApi();
  return (
    <Modal title="Share link" onClose={() => store.getState().closeDialog()} testId="share-dialog">
      <p>Anyone opening this link gets a copy of this graph. It holds the graph only: never an API key, never run results.</p>
      <textarea className="field-input mono" readOnly rows={4} value={url} onFocus={(e) => e.target.select()} data-testid="share-url" />
      <div className="modal-actions">
        <button
          type="button"
          className="btn primary"
          onClick={() =>
            void navigator.clipboard?.writeText(url).then(
              () => store.getState().toast('success', 'Link copied'),
              () => store.getState().toast('error', 'The browser refused the clipboard: select the link and copy it.'),
            )
          }
        >
          Copy link
        </button>
      </div>
    </Modal>
  );
}
