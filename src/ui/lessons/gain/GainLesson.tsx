import { useCallback, useMemo, useRef, useState } from 'react';
import { RunErrors } from '../../compare/RunErrors';
import { LIST_SCHEMES, LIST_SIZES } from '../../../engine/index';
import { PlotBox } from '../../compare/PlotBox';
import { runComparison, type CompareEntry } from '../../compare/compareRunner';
import { useLiveOutcomes } from '../../compare/useLiveOutcomes';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { dollars } from '../../thoughts/thoughtText';
import { medianErrorPlot, reductionPlot } from './gainPlots';
import { cellLabel, gainCells, gainReductions, gainSpec, percent, type GainTask } from './gainTable';
import { lessonDeps } from './lessonDeps';
import '../../compare/compare.css';
import './gain.css';

const TASK_NAMES: Record<GainTask, string> = { sorting: 'Sorting', setIntersection: 'Set intersection' };
/** "31% cheaper" or "5% dearer": GoT's cost per row against another scheme's. */
const cheaper = (got: number, other: number) => (other <= 0 ? 'no cost to compare' : got <= other ? `${percent(1 - got / other)} cheaper` : `${percent(got / other - 1)} dearer`);
const num = (v: number | undefined) => (v === undefined ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(2));

/** The lesson "The longer the sequence, the higher the gain": IO, CoT, ToT, ToT2 and GoT on lists of 32, 64 and 128, filling in as runs finish. */
export function GainLesson() {
  const api = useAppStoreApi();
  const provider = useAppStore((s) => s.modelSettings.provider);
  const [task, setTask] = useState<GainTask>('sorting');
  const [rows, setRows] = useState(20);
  const [instant, setInstant] = useState(true);
  const [running, setRunning] = useState<{ done: number; total: number } | null>(null);
  const [shown, setShown] = useState<{ task: GainTask; rows: number } | null>(null);
  const [end, setEnd] = useState<{ ms: number; errors: string[]; cancelled: boolean; stop: string | null } | null>(null);
  const live = useLiveOutcomes();
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    const entries: CompareEntry[] = LIST_SIZES.flatMap((size) => LIST_SCHEMES.map((scheme) => ({ scheme: cellLabel(scheme, size), document: gainSpec(task, scheme, size).build({}) })));
    const samples = Array.from({ length: rows }, (_, i) => i);
    const started = performance.now();
    abort.current = new AbortController();
    live.reset();
    setEnd(null);
    setShown({ task, rows });
    setRunning({ done: 0, total: entries.length * samples.length });
    const r = await runComparison(entries, samples, {
      ...lessonDeps(api.getState().modelSettings, entries[0]!.document, instant),
      signal: abort.current.signal,
      onProgress: (done, total) => setRunning({ done, total }),
      onOutcome: live.add,
    });
    live.flush();
    abort.current = null;
    setRunning(null);
    setEnd({ ms: performance.now() - started, errors: r.errors, cancelled: r.cancelled, stop: r.stop });
  };

  const cells = useMemo(() => gainCells(live.outcomes), [live.outcomes]);
  const reductions = useMemo(() => gainReductions(cells), [cells]);
  const kept = live.outcomes.filter((o) => o.kept).length;
  const makeMedian = useCallback((w: number) => medianErrorPlot(cells, w), [cells]);
  const makeReduction = useCallback((w: number) => reductionPlot(reductions, w), [reductions]);
  const cost = (scheme: 'GoT' | 'ToT') => cells.find((c) => c.scheme === scheme && c.size === 128)?.row;
  const got128 = cost('GoT');
  const tot128 = cost('ToT');

  return (
    <section className="gain-lesson compare-view" data-testid="lesson-gain">
      <h2>The longer the sequence, the higher the gain</h2>
      <p className="gain-intro">
        The paper’s second lesson (§7.2, Fig. 5): on short lists every scheme does about as well, but as the lists grow, splitting the work into
        pieces and merging the sorted pieces — what the Graph of Thoughts does — keeps the error low while the other schemes fall behind. Here the
        shipped IO, CoT, ToT, ToT2 and GoT graphs run on the same dataset rows at 32, 64 and 128 elements, on your model settings.
      </p>
      <div className="compare-setup">
        <fieldset className="gain-task">
          <legend>Task</legend>
          {(['sorting', 'setIntersection'] as const).map((t) => (
            <label key={t}>
              <input type="radio" name="gain-task" checked={task === t} onChange={() => setTask(t)} disabled={running !== null} data-testid={`gain-task-${t}`} />{' '}
              {TASK_NAMES[t]}
            </label>
          ))}
        </fieldset>
        <label>
          Dataset rows{' '}
          <input
            type="number"
            min={1}
            max={100}
            value={rows}
            onChange={(e) => setRows(Math.max(1, Math.min(100, Math.round(Number(e.target.value) || 1))))}
            disabled={running !== null}
            data-testid="gain-rows"
          />
        </label>
        {provider === 'simulator' ? (
          <label title="The simulator's answers do not depend on its simulated wait, so skipping it changes no figure except the time taken">
            <input type="checkbox" checked={instant} onChange={(e) => setInstant(e.target.checked)} disabled={running !== null} data-testid="gain-instant" />{' '}
            Simulator answers at once (same answers, no simulated wait)
          </label>
        ) : null}
        {running ? (
          <>
            <progress max={running.total} value={running.done} />
            <span className="muted" data-testid="gain-progress">
              {running.done}/{running.total} runs
            </span>
            <button type="button" className="btn danger" onClick={() => abort.current?.abort()} data-testid="gain-cancel">
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="btn primary" onClick={() => void run()} data-testid="gain-run">
            Run the lesson ({LIST_SCHEMES.length * LIST_SIZES.length * rows} runs)
          </button>
        )}
      </div>
      {shown ? (
        <div className="compare-results" data-testid="gain-results" data-running={running ? 'true' : 'false'}>
          <p className="muted">
            {TASK_NAMES[shown.task]}, dataset rows 0–{shown.rows - 1}
            {running ? ': filling in as runs finish.' : null}
            {end && !end.cancelled ? (
              <span data-testid="gain-elapsed">
                {' '}
                · finished in {(end.ms / 1000).toFixed(1)} s
              </span>
            ) : null}
            {kept ? <span data-testid="gain-kept"> · {kept} runs kept from an earlier run (shown without running them again)</span> : null}
          </p>
          {end?.cancelled ? <p className="muted">Cancelled: the charts and tables show the runs that finished.</p> : null}
          {end?.stop ? <p>{end.stop}</p> : null}
          <RunErrors errors={end?.errors ?? []} />
          <div className="compare-plots">
            <PlotBox title="Median error per scheme and size" make={makeMedian} fileName={`gain-median-error-${shown.task}`} testId="plot-gain-median" />
            <PlotBox title="GoT’s error reduction over ToT and ToT2 (black tick: the paper)" make={makeReduction} fileName={`gain-reduction-${shown.task}`} testId="plot-gain-reduction" />
          </div>
          <h3>GoT’s error reduction, measured and in the paper</h3>
          <table className="compare-table" data-testid="gain-reductions">
            <thead>
              <tr>
                <th>size</th>
                <th>vs ToT (median / mean)</th>
                <th>paper</th>
                <th>vs ToT2 (median / mean)</th>
                <th>paper</th>
              </tr>
            </thead>
            <tbody>
              {LIST_SIZES.map((size) => {
                const [tot, tot2] = (['ToT', 'ToT2'] as const).map((a) => reductions.find((r) => r.size === size && r.against === a)!);
                return (
                  <tr key={size} data-testid="gain-reduction-row" data-size={size}>
                    <td>{size}</td>
                    <td>
                      {percent(tot!.median)} / {percent(tot!.mean)}
                    </td>
                    <td>{tot!.paper.words}</td>
                    <td>
                      {percent(tot2!.median)} / {percent(tot2!.mean)}
                    </td>
                    <td>{tot2!.paper.words}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted gain-note">
            The paper measured sorting with GPT-3.5 and quotes no figure for set intersection, whose Fig. 5 shows the same trend. It also found GoT
            more than 31% cheaper than ToT at 128 elements.
            {got128?.samples && tot128?.samples ? (
              <span data-testid="gain-cost-note">
                {' '}
                Here, at 128: GoT {dollars(got128.cost / got128.samples)} per row against ToT {dollars(tot128.cost / tot128.samples)} (
                {cheaper(got128.cost / got128.samples, tot128.cost / tot128.samples)}), with these graphs’ own prompts and this model’s answers and
                prices.
              </span>
            ) : null}
          </p>
          <h3>Error and cost per scheme and size</h3>
          <table className="compare-table" data-testid="gain-table">
            <thead>
              <tr>
                <th>size</th>
                <th>scheme</th>
                <th>runs</th>
                <th>median error</th>
                <th>mean error</th>
                <th>cost</th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr key={`${c.size}-${c.scheme}`} data-testid="gain-cell" data-scheme={c.scheme} data-size={c.size} data-runs={c.row.samples} className={c.scheme === 'IO' ? 'gain-size-start' : undefined}>
                  <td>{c.scheme === 'IO' ? c.size : ''}</td>
                  <td>{c.scheme}</td>
                  <td>
                    {c.row.samples}/{shown.rows}
                  </td>
                  <td data-testid="gain-median">{num(c.row.score?.median)}</td>
                  <td data-testid="gain-mean">{num(c.row.score?.mean)}</td>
                  <td data-testid="gain-cost">{dollars(c.row.cost)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
