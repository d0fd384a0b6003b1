import { useCallback, useMemo, useRef, useState } from 'react';
import { RunErrors } from './RunErrors';
import { exampleSpecs } from '../../engine/index';
import { higherIsBetterOf } from '../run/opOrder';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { dollars } from '../thoughts/thoughtText';
import { costBarPlot, errorBoxPlot, schemeTick, volumeLatencyPlot, type PlotFrame } from './comparePlots';
import { PlotBox } from './PlotBox';
import { comparisonOf, runComparison, type CompareEntry, type CompareResult } from './compareRunner';
import { compareDepsFor } from './compareSession';
import { useLiveOutcomes } from './useLiveOutcomes';
import './compare.css';

const CURRENT = '__current__';
const fmt = (v: number | undefined | null) =>
  v === undefined || v === null || Number.isNaN(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2);

/** What the running (or last) comparison is about; its outcomes arrive apart, as runs finish. */
interface Plan {
  schemes: string[];
  perScheme: number;
  higherIsBetter: boolean;
}

/** Runs several graphs (the current one and the examples of its task and dataset) on the same samples and plots them as the paper does, filling in as runs finish. */
export function CompareView() {
  const api = useAppStoreApi();
  const doc = useAppStore((s) => s.doc);
  const candidates = useMemo(() => exampleSpecs.filter((e) => doc.dataset && e.dataset.file === doc.dataset.file), [doc.dataset]);
  const [chosen, setChosen] = useState<string[]>([CURRENT]);
  // 20 rows: fewer (e.g. 0–4) can rank the schemes against the paper by chance.
  const [range, setRange] = useState({ from: 0, to: 19 });
  const [useKept, setUseKept] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [end, setEnd] = useState<Pick<CompareResult, 'errors' | 'cancelled' | 'stop'> | null>(null);
  const live = useLiveOutcomes();
  const abort = useRef<AbortController | null>(null);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const run = async () => {
    const entries: CompareEntry[] = chosen.flatMap((id) => {
      if (id === CURRENT) return [{ scheme: doc.scheme ? `${doc.scheme} (this graph)` : 'This graph', document: doc }];
      const spec = candidates.find((c) => c.id === id);
      return spec ? [{ scheme: spec.scheme, document: spec.build(doc.input) }] : [];
    });
    const samples = Array.from({ length: Math.abs(range.to - range.from) + 1 }, (_, i) => Math.min(range.from, range.to) + i);
    abort.current = new AbortController();
    live.reset();
    setEnd(null);
    setPlan({ schemes: entries.map((e) => e.scheme), perScheme: samples.length, higherIsBetter: higherIsBetterOf(entries[0]?.document ?? doc) });
    setProgress({ done: 0, total: entries.length * samples.length, label: '' });
    const r = await runComparison(entries, samples, {
      ...compareDepsFor(api.getState().modelSettings, doc, useKept),
      signal: abort.current.signal,
      onProgress: (done, total, label) => setProgress({ done, total, label }),
      onOutcome: live.add,
    });
    live.flush();
    abort.current = null;
    setProgress(null);
    setEnd({ errors: r.errors, cancelled: r.cancelled, stop: r.stop });
  };

  const outcomes = live.outcomes;
  const { rows, finals } = useMemo(() => comparisonOf(plan?.schemes ?? [], outcomes), [plan, outcomes]);
  const kept = outcomes.filter((o) => o.kept).length;
  const frame = useMemo<PlotFrame>(() => {
    const counts = new Map(rows.map((r) => [r.scheme, r.samples]));
    return { schemes: plan?.schemes ?? [], tick: (s) => schemeTick(s, counts.get(s) ?? 0, plan?.perScheme ?? 0) };
  }, [plan, rows]);
  const makeBox = useCallback((w: number) => errorBoxPlot(outcomes, frame, plan?.higherIsBetter ?? false, w), [outcomes, frame, plan]);
  const makeCost = useCallback((w: number) => costBarPlot(rows, frame, w), [rows, frame]);
  const makeVL = useCallback((w: number) => volumeLatencyPlot(finals, frame.schemes, w), [finals, frame]);

  return (
    <div className="compare-view" data-testid="compare-view">
      <div className="compare-setup">
        <h3>Compare schemes on the same samples</h3>
        {!doc.dataset ? <p className="muted">This graph has no dataset: pick one in the input panel to compare on its rows.</p> : null}
        <div className="compare-choices">
          <label>
            <input type="checkbox" checked={chosen.includes(CURRENT)} onChange={() => toggle(CURRENT)} data-testid="compare-current" /> This
            graph ({doc.title})
          </label>
          {candidates.map((c) => (
            <label key={c.id}>
              <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} data-testid={`compare-${c.scheme}`} />{' '}
              {c.scheme}
            </label>
          ))}
        </div>
        <label>
          Rows{' '}
          <input
            type="number"
            min={0}
            value={range.from}
            onChange={(e) => setRange({ ...range, from: Number(e.target.value) })}
            data-testid="compare-from"
          />{' '}
          to{' '}
          <input
            type="number"
            min={0}
            value={range.to}
            onChange={(e) => setRange({ ...range, to: Number(e.target.value) })}
            data-testid="compare-to"
          />
        </label>
        <label title="Runs of the same graph, row, model and seed finished earlier are shown without running them again">
          <input type="checkbox" checked={useKept} onChange={(e) => setUseKept(e.target.checked)} data-testid="compare-use-kept" /> Reuse kept
          results
        </label>
        {progress ? (
          <>
            <progress max={progress.total} value={progress.done} />
            <span className="muted" data-testid="compare-progress">
              {progress.done}/{progress.total} runs {progress.label ? `· ${progress.label}` : ''}
            </span>
            <button type="button" className="btn danger" onClick={() => abort.current?.abort()} data-testid="compare-cancel">
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn primary"
            onClick={() => void run()}
            disabled={!chosen.length || !doc.dataset}
            data-testid="compare-run"
          >
            Run comparison
          </button>
        )}
      </div>
      {plan ? (
        <div className="compare-results" data-testid="compare-results" data-running={progress ? 'true' : 'false'}>
          <RunErrors errors={end?.errors ?? []} />
          {progress ? <p className="muted">Filling in as runs finish: each scheme shows the rows it has so far.</p> : null}
          {kept ? (
            <p className="muted" data-testid="compare-kept">
              {kept} of {plan.schemes.length * plan.perScheme} runs kept from an earlier run (same graph, row, model and seed): shown without running
              them again.
            </p>
          ) : null}
          {end?.cancelled ? <p className="muted">Cancelled: the table and plots show the runs that finished.</p> : null}
          {end?.stop ? <p data-testid="compare-stop">{end.stop} The plots show the runs that finished.</p> : null}
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>scheme</th>
                <th>runs</th>
                <th>median</th>
                <th>q1</th>
                <th>q3</th>
                <th>solved</th>
                <th>requests</th>
                <th>cost</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.scheme} data-testid="compare-row" data-runs={r.samples} data-of={plan.perScheme}>
                  <td>{r.scheme}</td>
                  <td data-testid="compare-runs">
                    {r.samples}/{plan.perScheme}
                  </td>
                  <td>{fmt(r.score?.median)}</td>
                  <td>{fmt(r.score?.q1)}</td>
                  <td>{fmt(r.score?.q3)}</td>
                  <td>{r.solvedRate === null ? '—' : `${Math.round(r.solvedRate * 100)}%`}</td>
                  <td>{r.requests}</td>
                  <td>{dollars(r.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="compare-plots">
            <PlotBox title={plan.higherIsBetter ? 'Score per scheme' : 'Error per scheme'} make={makeBox} fileName="error-per-scheme" testId="plot-error" />
            <PlotBox title="Total cost per scheme" make={makeCost} fileName="cost-per-scheme" testId="plot-cost" />
            <PlotBox title="Volume vs latency of the final thoughts" make={makeVL} fileName="volume-latency" testId="plot-volume-latency" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
