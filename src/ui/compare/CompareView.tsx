import { useCallback, useMemo, useRef, useState } from 'react';
import { exampleSpecs } from '../../engine/index';
import { appFunctions } from '../functions/registry';
import { appScriptRunner } from '../scripts/workerScriptRunner';
import { sampleInput } from '../run/sampleInput';
import { buildModel } from '../run/settings/buildModel';
import { appKeyVault } from '../run/settings/keyVault';
import { higherIsBetterOf } from '../run/opOrder';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { dollars } from '../thoughts/thoughtText';
import { costBarPlot, errorBoxPlot, volumeLatencyPlot } from './comparePlots';
import { PlotBox } from './PlotBox';
import { runComparison, type CompareEntry, type CompareResult } from './compareRunner';
import './compare.css';

const CURRENT = '__current__';
const fmt = (v: number | undefined | null) =>
  v === undefined || v === null || Number.isNaN(v) ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2);

/** Runs several graphs (the current one and the examples of its task and dataset) on the same samples and plots them as the paper does. */
export function CompareView() {
  const api = useAppStoreApi();
  const doc = useAppStore((s) => s.doc);
  const candidates = useMemo(() => exampleSpecs.filter((e) => doc.dataset && e.dataset.file === doc.dataset.file), [doc.dataset]);
  const [chosen, setChosen] = useState<string[]>([CURRENT]);
  // 20 rows: fewer (e.g. 0–4) can rank the schemes against the paper by chance.
  const [range, setRange] = useState({ from: 0, to: 19 });
  const [progress, setProgress] = useState<{ done: number; total: number; label: string } | null>(null);
  const [result, setResult] = useState<(CompareResult & { schemes: string[]; higherIsBetter: boolean }) | null>(null);
  const abort = useRef<AbortController | null>(null);
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  const run = async () => {
    const entries: CompareEntry[] = chosen.flatMap((id) => {
      if (id === CURRENT) return [{ scheme: doc.scheme ? `${doc.scheme} (this graph)` : 'This graph', document: doc }];
      const spec = candidates.find((c) => c.id === id);
      return spec ? [{ scheme: spec.scheme, document: spec.build(doc.input) }] : [];
    });
    const samples = Array.from({ length: Math.abs(range.to - range.from) + 1 }, (_, i) => Math.min(range.from, range.to) + i);
    const settings = api.getState().modelSettings;
    abort.current = new AbortController();
    setResult(null);
    setProgress({ done: 0, total: entries.length * samples.length, label: '' });
    const r = await runComparison(entries, samples, {
      prepareModel: async (i) => buildModel(settings, appKeyVault().get(), i),
      functions: appFunctions(),
      scripts: appScriptRunner(),
      input: (d, i) => sampleInput(d.dataset ? d : { ...d, dataset: doc.dataset }, i),
      concurrency: settings.concurrency,
      budget: settings.budget,
      seed: settings.provider === 'simulator' ? settings.simulator.seed : 0,
      signal: abort.current.signal,
      onProgress: (done, total, label) => setProgress({ done, total, label }),
    });
    abort.current = null;
    setProgress(null);
    setResult({ ...r, schemes: entries.map((e) => e.scheme), higherIsBetter: higherIsBetterOf(entries[0]?.document ?? doc) });
  };

  const makeBox = useCallback((w: number) => errorBoxPlot(result!, result!.schemes, result!.higherIsBetter, w), [result]);
  const makeCost = useCallback((w: number) => costBarPlot(result!, result!.schemes, w), [result]);
  const makeVL = useCallback((w: number) => volumeLatencyPlot(result!, result!.schemes, w), [result]);

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
        {progress ? (
          <>
            <progress max={progress.total} value={progress.done} />
            <span className="muted">
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
      {result ? (
        <div className="compare-results" data-testid="compare-results">
          {result.errors.length ? (
            <ul className="detail-error">
              {result.errors.slice(0, 5).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
          {result.cancelled ? <p className="muted">Cancelled: the plots show the runs that finished.</p> : null}
          {result.stop ? <p data-testid="compare-stop">{result.stop} The plots show the runs that finished.</p> : null}
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
              {result.rows.map((r) => (
                <tr key={r.scheme}>
                  <td>{r.scheme}</td>
                  <td>{r.samples}</td>
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
            <PlotBox
              title={result.higherIsBetter ? 'Score per scheme' : 'Error per scheme'}
              make={makeBox}
              fileName="error-per-scheme"
              testId="plot-error"
            />
            <PlotBox title="Total cost per scheme" make={makeCost} fileName="cost-per-scheme" testId="plot-cost" />
            <PlotBox title="Volume vs latency of the final thoughts" make={makeVL} fileName="volume-latency" testId="plot-volume-latency" />
          </div>
        </div>
      ) : null}
    </div>
  );
}
