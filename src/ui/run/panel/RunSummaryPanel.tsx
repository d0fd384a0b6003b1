import type { UnrecordedFigure } from '../../../engine/index';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { dollars, duration } from '../../thoughts/thoughtText';
import { downloadJson, exportFileName, exportRunJson } from '../exportRunJson';
import type { BatchProgress } from '../runSlice';
import { operationName } from '../controls/operationName';
import { SaveRecordingButton } from '../../recording/SaveRecordingButton';
import { CompareWithOriginal } from '../../fork/CompareWithOriginal';

/** A figure the run's source did not record: a dash, never a made-up 0. */
const notRecorded = (
  <span title="not in the file" data-testid="not-recorded">
    —
  </span>
);

function Row({ label, value, testId }: { label: string; value: React.ReactNode; testId?: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{value}</td>
    </tr>
  );
}

/** Each row of a batch: how it ended, its score and cost (the tables below describe the row on screen). */
function BatchTable({ batch }: { batch: BatchProgress }) {
  return (
    <div data-testid="batch-summary">
      <b>
        Batch: rows {batch.from}–{batch.to}, {batch.done} done{batch.failed ? `, ${batch.failed} not completed` : ''}, {dollars(batch.cost)}
      </b>
      <table className="summary-table batch-table">
        <thead>
          <tr>
            <th>row</th>
            <th>status</th>
            <th>score</th>
            <th>solved</th>
            <th>cost</th>
          </tr>
        </thead>
        <tbody>
          {batch.rows.map((r) => (
            <tr key={r.row}>
              <td>{r.row}</td>
              <td>{r.status}</td>
              <td>{r.score ?? '—'}</td>
              <td>{r.solved === null ? '—' : r.solved ? 'yes' : 'no'}</td>
              <td>{dollars(r.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Below: the last row’s run.</p>
    </div>
  );
}

/** After (or during) a run: requests, completions, cache hits, tokens, cost, wall time, critical path, final thoughts, score, solved. */
export function RunSummaryPanel() {
  const api = useAppStoreApi();
  const grs = useAppStore((s) => s.live.grs);
  const problem = useAppStore((s) => s.runUi.problem);
  const batch = useAppStore((s) => s.runUi.batch);
  const summary = grs.summary;
  const t = summary ?? grs.totals;
  const unrecorded = new Set(summary?.unrecorded ?? []);
  const shown = (figure: UnrecordedFigure, value: React.ReactNode) => (unrecorded.has(figure) ? notRecorded : value);
  if (!grs.runId) return <p className="detail-empty">No run yet. Press Run (or Step) in the top bar.</p>;
  const exportJson = () => {
    const events = api.getState().live.events;
    const out = exportRunJson(events, new Date().toISOString());
    if (out) downloadJson(out, exportFileName(grs.document?.title ?? 'run'));
  };
  return (
    <div className="run-summary" data-testid="run-summary">
      {problem ? (
        <div
          className={`run-problem sev-${problem.severity}`}
          data-testid="run-problem"
          role={problem.severity === 'error' ? 'alert' : 'status'}
        >
          <b>{problem.title}</b>
          <div>{problem.detail}</div>
          <div className="run-problem-hint">{problem.hint}</div>
        </div>
      ) : null}
      {batch ? <BatchTable batch={batch} /> : null}
      <table className="summary-table">
        <tbody>
          <Row
            label="status"
            value={summary ? `${summary.status === 'failed' ? 'Failed' : summary.status}${summary.reason ? ` — ${summary.reason}` : ''}` : 'running…'}
            testId="summary-status"
          />
          <Row label="requests" value={shown('requests', t.requests)} testId="summary-requests" />
          <Row label="completions" value={shown('completions', t.completions)} testId="summary-completions" />
          <Row label="cache hits" value={shown('cacheHits', t.cacheHits)} testId="summary-cache-hits" />
          <Row label="tokens" value={`${Math.round(t.promptTokens).toLocaleString()} prompt · ${Math.round(t.completionTokens).toLocaleString()} completion`} />
          <Row label="cost" value={dollars(t.cost)} testId="summary-cost" />
          {summary ? (
            <>
              <Row label="wall time" value={shown('wallMs', duration(summary.wallMs))} testId="summary-wall" />
              <Row
                label="critical path"
                value={shown('criticalPath', `${summary.criticalPath.hops} hops · ${duration(summary.criticalPath.ms)}`)}
                testId="summary-critical"
              />
              <Row label="best score" value={summary.bestScore ?? '—'} testId="summary-score" />
              <Row label="solved" value={summary.solved === null ? '—' : summary.solved ? 'yes' : 'no'} testId="summary-solved" />
              <Row
                label="final thoughts"
                value={summary.finalThoughtIds.map((id, i, all) => (
                  <button
                    key={id}
                    type="button"
                    className="link"
                    onClick={() => api.getState().selectInRun({ kind: 'thought', id })}
                    data-testid={`final-${id}`}
                    title={id}
                  >
                    {operationName(grs.document, grs.thoughts[id]?.opId ?? null) || 'thought'}
                    {all.length > 1 ? ` #${i + 1}` : ''}
                  </button>
                ))}
              />
            </>
          ) : null}
        </tbody>
      </table>
      {grs.logs.length ? (
        <details className="run-log" open={grs.logs.some((l) => l.level !== 'info')}>
          <summary>Run log ({grs.logs.length})</summary>
          <ul>
            {grs.logs.map((l, i) => (
              <li key={i} className={`log-${l.level}`}>
                {duration(l.at)} · {l.opId ? `${operationName(grs.document, l.opId)}: ` : ''}
                {l.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <button type="button" className="btn" onClick={exportJson} data-testid="export-run">
        Export run as JSON
      </button>
      <SaveRecordingButton events={() => api.getState().live.events} title={grs.document?.title ?? 'run'} />
      <CompareWithOriginal />
    </div>
  );
}
