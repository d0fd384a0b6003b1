import { useEffect, useState } from 'react';
import { appRunHistory } from '../run/runHistoryStore';
import type { RunRecord } from './runHistory';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { dollars, duration } from '../thoughts/thoughtText';
import { SaveRecordingButton } from '../recording/SaveRecordingButton';
import { downloadJson, exportFileName, exportRunJson } from '../run/exportRunJson';

/** Runs kept in this browser across reloads; each reopens with its GRS rebuilt from its event log. */
export function HistoryPanel() {
  const api = useAppStoreApi();
  const version = useAppStore((s) => s.runUi.historyVersion);
  const busy = useAppStore((s) => s.runUi.phase === 'running' || s.runUi.phase === 'paused');
  const [records, setRecords] = useState<RunRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    appRunHistory()
      .list()
      .then((r) => live && setRecords(r))
      .catch((e: Error) => live && setError(`The run history could not be read: ${e.message}`));
    return () => {
      live = false;
    };
  }, [version]);
  const open = async (r: RunRecord) => {
    const events = await appRunHistory().load(r.id);
    if (events) api.getState().showRecordedRun(events, { kind: 'history', id: r.id, title: r.title });
  };
  const exportOne = async (r: RunRecord) => {
    const events = await appRunHistory().load(r.id);
    const out = events && exportRunJson(events, new Date().toISOString());
    if (out) downloadJson(out, exportFileName(r.title));
  };
  const remove = async (r: RunRecord) => {
    await appRunHistory().remove(r.id);
    api.getState().patchRunUi({ historyVersion: api.getState().runUi.historyVersion + 1 });
  };
  if (error) return <p className="detail-error">{error}</p>;
  if (!records) return <p className="muted">Loading…</p>;
  if (!records.length) return <p className="detail-empty">Finished and cancelled runs are kept here across reloads.</p>;
  return (
    <ul className="history-list" data-testid="history-list">
      {records.map((r) => (
        <li key={r.id} data-testid="history-item">
          <div className="history-title">
            <b>{r.title}</b> <span className={`status-chip status-${r.status}`}>{r.status}</span>
          </div>
          <div className="muted">
            {new Date(r.savedAt).toLocaleString()} · {r.model}
            {r.sampleIndex !== null ? ` · row ${r.sampleIndex}` : ''} · {r.thoughts} thoughts · {dollars(r.cost)} · {duration(r.wallMs)}
            {r.bestScore !== null ? ` · best ${r.bestScore}` : ''}
          </div>
          <div className="history-actions">
            <button type="button" className="btn" onClick={() => void open(r)} disabled={busy} data-testid="history-open">
              Open
            </button>
            <button type="button" className="btn" onClick={() => void exportOne(r)} data-testid="history-export">
              Export JSON
            </button>
            <SaveRecordingButton events={() => appRunHistory().load(r.id)} title={r.title} testId="history-save-recording" />
            <button type="button" className="btn" onClick={() => void remove(r)} aria-label={`Delete run ${r.title}`}>
              Delete
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
