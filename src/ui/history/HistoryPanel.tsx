import { useEffect, useState } from 'react';
import { appRunHistory } from '../run/runHistoryStore';
import type { RunRecord } from './runHistory';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { dollars, duration } from '../thoughts/thoughtText';
import { SaveRecordingButton } from '../recording/SaveRecordingButton';
import { downloadJson, exportFileName, exportRunJson } from '../run/exportRunJson';
import '../fork/fork.css';

/** Runs kept in this browser across reloads; each reopens with its GRS rebuilt from its event log. */
export function HistoryPanel() {
  const api = useAppStoreApi();
  const version = useAppStore((s) => s.runUi.historyVersion);
  const busy = useAppStore((s) => s.runUi.phase === 'running' || s.runUi.phase === 'paused');
  const [records, setRecords] = useState<RunRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
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
  // The two latest picks: a run and its fork, in either order.
  const pick = (id: string, on: boolean) =>
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id].slice(-2) : p.filter((x) => x !== id)));
  const compare = async () => {
    const [a, b] = await Promise.all(picked.map((id) => appRunHistory().load(id)));
    if (a && b) api.getState().openDialog({ kind: 'forkCompare', a, b });
  };
  const pickedRecords = (records ?? []).filter((r) => picked.includes(r.id));
  const related =
    pickedRecords.length === 2 && pickedRecords.some((r) => r.forkOf !== undefined && pickedRecords.some((o) => o.runId === r.forkOf));
  if (error) return <p className="detail-error">{error}</p>;
  if (!records) return <p className="muted">Loading…</p>;
  if (!records.length) return <p className="detail-empty">Finished and cancelled runs are kept here across reloads.</p>;
  return (
    <>
      <div className="history-compare">
        <button type="button" className="btn" disabled={picked.length !== 2} onClick={() => void compare()} data-testid="history-compare">
          Compare the two picked runs
        </button>
        <span className="muted">
          {picked.length !== 2
            ? 'Pick a run and a fork of it.'
            : related
              ? 'A run and its fork.'
              : 'Neither picked run is marked as a fork of the other.'}
        </span>
      </div>
      <ul className="history-list" data-testid="history-list">
        {records.map((r) => (
          <li key={r.id} data-testid="history-item">
            <div className="history-title">
              <input
                type="checkbox"
                checked={picked.includes(r.id)}
                onChange={(e) => pick(r.id, e.target.checked)}
                aria-label={`Pick ${r.title} to compare`}
                data-testid="history-pick"
              />{' '}
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
    </>
  );
}
