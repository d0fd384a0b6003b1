import { useEffect, useState } from 'react';
import { taskCatalog } from '../../engine/index';
import { useFileCommands } from '../files/useFileCommands';
import { fetchGallery, type GalleryEntry } from '../files/examples';
import { useAppStoreApi } from '../store/StoreProvider';
import { GalleryRecordings } from '../recording/GalleryRecordings';
import { GalleryLessons } from '../lessons/GalleryLessons';
import { Modal } from './Modal';

const taskTitle = (id: string): string => taskCatalog.find((t) => t.id === id)?.title ?? id;

/** The example gallery: one card per example graph, plus an empty "build your own" start. */
export function GalleryDialog() {
  const store = useAppStoreApi();
  const files = useFileCommands();
  const [entries, setEntries] = useState<GalleryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [task, setTask] = useState('all');
  useEffect(() => {
    fetchGallery().then(setEntries, (e: Error) => setError(e.message));
  }, []);
  const tasks = [...new Set((entries ?? []).map((e) => e.task))];
  const shown = (entries ?? []).filter((e) => task === 'all' || e.task === task);
  return (
    <Modal title="Examples" onClose={() => store.getState().closeDialog()} testId="gallery" wide>
      <GalleryLessons store={store} />
      <div className="gallery-filter" role="tablist">
        {['all', ...tasks].map((t) => (
          <button key={t} type="button" role="tab" aria-selected={task === t} className={task === t ? 'chip active' : 'chip'} onClick={() => setTask(t)}>
            {t === 'all' ? 'All' : taskTitle(t)}
          </button>
        ))}
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      {!entries && !error ? <p className="muted">Loading examples…</p> : null}
      <div className="gallery-grid">
        <button
          type="button"
          className="gallery-card empty-start"
          data-testid="gallery-empty"
          onClick={() => {
            files.newDocument();
            store.getState().closeDialog();
          }}
        >
          <div className="card-title">Build your own</div>
          <div className="card-desc">Start from an empty canvas: drag operations from the palette and connect them.</div>
        </button>
        {shown.map((e) => (
          <button key={e.id} type="button" className="gallery-card" data-testid={`gallery-${e.id}`} onClick={() => void files.openExample(e)}>
            <div className="card-tags">
              <span className="tag">{taskTitle(e.task)}</span>
              <span className="tag scheme">{e.scheme}</span>
            </div>
            <div className="card-title">{e.title}</div>
            <div className="card-desc">{e.description}</div>
          </button>
        ))}
      </div>
      <GalleryRecordings task={task} open={(name, text) => files.openText({ name, text, handle: null })} />
    </Modal>
  );
}
