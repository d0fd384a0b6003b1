import { useEffect, useState } from 'react';
import { taskCatalog } from '../../engine/index';
import { useAppStoreApi } from '../store/StoreProvider';
import { duration } from '../thoughts/thoughtText';
import { fetchRecordingIndex, fetchRecordingText, type RecordingEntry } from './galleryRecordings';

const taskTitle = (id: string): string => taskCatalog.find((t) => t.id === id)?.title ?? id;

/** The gallery's recorded runs: one click opens the graph with its run, ready to replay or scrub without a model. */
export function GalleryRecordings({ task, open }: { task: string; open: (name: string, text: string) => void }) {
  const api = useAppStoreApi();
  const [entries, setEntries] = useState<RecordingEntry[]>([]);
  useEffect(() => {
    fetchRecordingIndex().then(setEntries, () => setEntries([]));
  }, []);
  const shown = entries.filter((e) => task === 'all' || e.task === task);
  if (!shown.length) return null;
  const choose = async (e: RecordingEntry) => {
    try {
      const text = await fetchRecordingText(e);
      // Closed first: a broken file's problems open as a dialog of their own.
      api.getState().closeDialog();
      open(e.file, text);
    } catch (err) {
      api.getState().toast('error', (err as Error).message);
    }
  };
  return (
    <section className="gallery-recordings" data-testid="gallery-recordings">
      <h3>Recorded runs — replay and scrub them without a model</h3>
      <div className="gallery-grid">
        {shown.map((e) => (
          <button key={e.id} type="button" className="gallery-card" data-testid={`gallery-rec-${e.id}`} onClick={() => void choose(e)}>
            <div className="card-tags">
              <span className="tag">{taskTitle(e.task)}</span>
              <span className="tag scheme">{e.scheme}</span>
              <span className="tag">recording</span>
            </div>
            <div className="card-title">{e.title}</div>
            <div className="card-desc">
              {e.thoughts} thoughts · {e.requests} requests · {duration(e.wallMs)}
            </div>
          </button>
        ))}
      </div>
    </section>
  );
}
