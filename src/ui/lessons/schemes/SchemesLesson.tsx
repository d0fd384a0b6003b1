import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { GotDocument, RunEvent } from '../../../engine/index';
import { showStart } from '../../canvas/editorCommands';
import { canvasSize } from '../../canvas/startView';
import { wrapDocumentForView } from '../../document/wrapLayout';
import { fetchExample, fetchGallery, type GalleryEntry } from '../../files/examples';
import type { AppRunControls } from '../../run/appController';
import { thoughtsCanvasView } from '../../run/panel/runViews';
import { markOutsideDocument } from '../../scripts/documentOrigin';
import { LoadBoundary } from '../../shell/LoadBoundary';
import { useAppStoreApi } from '../../store/StoreProvider';
import type { AppStore } from '../../store/createAppStore';
import { dollars } from '../../thoughts/thoughtText';
import { trackLessonRun } from '../closeLesson';
import { ClosingNote } from './ClosingNote';
import { LessonTable } from './LessonTable';
import { measureRun, type MeasuredRun } from './measureRun';
import { selfConsistencyOf } from './selfConsistency';
import { lessonSteps, moveStep, type LessonScheme, type LessonStep, type SchemeStep } from './schemeSteps';

const ThoughtsCanvas = thoughtsCanvasView.Component;

/** A scheme's run in the lesson: its row of the table, and its events to show it again on Back. */
interface LessonRun {
  measured: MeasuredRun;
  events: RunEvent[];
}
type Runs = Partial<Record<LessonScheme, LessonRun>>;

/** Puts a lesson graph in the editor in place of what is there (the user's own is kept aside by the lesson host). */
function showGraph(store: AppStore, rf: ReturnType<typeof useReactFlow>, doc: GotDocument): void {
  const s = store.getState();
  s.patchRunUi({ view: 'split' });
  s.loadDocument(doc);
  s.markSaved(null);
  markOutsideDocument(doc, 'gallery');
  s.clearRun();
  // After the layout settles at the Split view's size.
  setTimeout(() => showStart(store, rf, 'readable'), 60);
}

/** The guided lesson "IO → CoT → ToT → GoT" on sorting 64: one step per scheme, each run on the current model, then the table. */
export function SchemesLesson({ controls }: { controls: AppRunControls }) {
  const api = useAppStoreApi();
  const rf = useReactFlow();
  const [gallery, setGallery] = useState<GalleryEntry[] | null>(null);
  const [index, setIndex] = useState(0);
  const [runs, setRuns] = useState<Runs>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const runsRef = useRef<Runs>({});
  const docs = useRef(new Map<string, GotDocument>());
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    api.getState().patchRunUi({ view: 'split' });
    fetchGallery().then(
      (entries) => alive.current && setGallery(entries),
      (e: Error) => alive.current && setProblem(e.message),
    );
    return () => {
      alive.current = false;
    };
  }, [api]);
  const steps: LessonStep[] = gallery ? lessonSteps(new Set(gallery.map((e) => e.id))) : [{ kind: 'intro' }];
  const step = steps[index] ?? steps[0]!;
  const shipped = new Set(steps.flatMap((s) => (s.kind === 'scheme' ? [s.scheme] : [])));

  const graphOf = async (s: SchemeStep): Promise<GotDocument> => {
    const known = docs.current.get(s.scheme);
    if (known) return known;
    const entry = gallery?.find((e) => e.id === s.exampleId);
    if (!entry) throw new Error(`The example ${s.exampleId} is missing from the gallery.`);
    const shipped = await fetchExample(entry);
    const doc = s.chains ? selfConsistencyOf(shipped, s.chains) : shipped;
    if (!doc) throw new Error(`The example ${s.exampleId} is not a single chain of thought: CoT-SC cannot be built from it.`);
    const view = canvasSize();
    const shown = view ? wrapDocumentForView(doc, view) : doc;
    docs.current.set(s.scheme, shown);
    return shown;
  };

  /** Loads a scheme's graph and runs it with the app's run controller; false when it did not complete. */
  const runScheme = async (s: SchemeStep): Promise<boolean> => {
    setProblem(null);
    setBusy(`Running ${s.scheme}…`);
    try {
      const doc = await graphOf(s);
      if (!alive.current) return false;
      showGraph(api, rf, doc);
      const result = await trackLessonRun(controls.run());
      if (!alive.current) return false;
      if (!result) {
        setProblem('The run did not start: another run may be going on (Cancel it in the top bar), or it failed before its first operation.');
        return false;
      }
      const run: LessonRun = { measured: measureRun(result.summary, result.grs, result.grs.document ?? doc), events: result.events };
      runsRef.current = { ...runsRef.current, [s.scheme]: run };
      setRuns(runsRef.current);
      if (result.summary.status !== 'completed') setProblem(`${s.scheme} ended ${result.summary.status}${result.summary.reason ? `: ${result.summary.reason}` : ''}.`);
      return result.summary.status === 'completed';
    } catch (err) {
      if (alive.current) setProblem(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      if (alive.current) setBusy(null);
    }
  };

  /** Shows a step: a scheme already run comes back as it ran (no new run), one not yet run runs now. */
  const enter = async (to: number) => {
    const next = steps[to];
    if (!next) return;
    setIndex(to);
    if (next.kind === 'table') api.getState().patchRunUi({ view: 'thoughts' });
    if (next.kind !== 'scheme') return;
    const kept = runsRef.current[next.scheme];
    if (!kept) return void (await runScheme(next));
    showGraph(api, rf, await graphOf(next));
    api.getState().showRecordedRun(kept.events, { kind: 'live' });
  };

  const runAll = async () => {
    for (const [i, s] of steps.entries()) {
      if (s.kind !== 'scheme') continue;
      setIndex(i);
      if (!(await runScheme(s)) || !alive.current) return;
    }
    setIndex(steps.length - 1);
    api.getState().patchRunUi({ view: 'thoughts' });
  };

  const results = Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.measured])) as Partial<Record<LessonScheme, MeasuredRun>>;
  const nav = (
    <nav className="lesson-nav" aria-label="Lesson steps">
      <button type="button" className="btn" disabled={busy !== null || index === 0} onClick={() => void enter(moveStep(steps, index, -1))} data-testid="lesson-back">
        ← Back
      </button>
      <span className="lesson-count" data-testid="lesson-step-count">
        {index + 1} / {steps.length}
      </span>
      <button type="button" className="btn primary" disabled={busy !== null || !gallery || index === steps.length - 1} onClick={() => void enter(moveStep(steps, index, 1))} data-testid="lesson-next">
        Next →
      </button>
      <button type="button" className="btn" disabled={busy !== null || !gallery} onClick={() => void runAll()} data-testid="lesson-run-all" title="Run every scheme one after the other, then show the table">
        Run all
      </button>
      {busy ? (
        <span className="lesson-busy" role="status" data-testid="lesson-busy">
          {busy}
        </span>
      ) : null}
    </nav>
  );
  const problemLine = problem ? (
    <p className="field-error" role="alert" data-testid="lesson-problem">
      {problem}
    </p>
  ) : null;

  if (step.kind === 'table')
    return (
      <div className="lesson-page lesson-summary" data-testid="lesson-step" data-step="table">
        {nav}
        {problemLine}
        <p className="lesson-caption" data-testid="lesson-caption">
          Sorting 64 digits, one run per scheme on the current model. The paper’s Table 2 gives the final thought’s latency (hops from the input) and
          volume (thoughts that could have influenced it) for N thoughts and branching k; beside it, what each run measured.
        </p>
        <LessonTable results={results} shipped={shipped} />
        <ClosingNote results={results} />
      </div>
    );

  const run = step.kind === 'scheme' ? runs[step.scheme] : undefined;
  return (
    <div className="lesson-page lesson-split">
      <div className="run-panel-main">
        <LoadBoundary what="the Thoughts view" fallback={<p className="muted">Loading…</p>}>
          <ThoughtsCanvas />
        </LoadBoundary>
      </div>
      <aside className="lesson-aside" data-testid="lesson-step" data-step={step.kind === 'scheme' ? step.scheme : step.kind}>
        {nav}
        {problemLine}
        {step.kind === 'intro' ? (
          <div className="lesson-caption" data-testid="lesson-caption">
            <h3>Five ways to prompt, one task</h3>
            <p>
              Each step loads one scheme’s graph for sorting 64 digits (IO, CoT, CoT-SC, ToT, GoT) into the editor above and runs it on the model you have chosen (the offline
              simulator unless you changed it). Watch the thoughts appear below, then press Next. The last step puts the paper’s Table 2 beside what
              the runs measured.
            </p>
            <p className="muted">Your own graph is kept aside and comes back when you close the lesson.</p>
          </div>
        ) : step.kind === 'scheme' ? (
          <div className="lesson-caption" data-testid="lesson-caption">
            <h3>{step.title}</h3>
            <p>{step.does}</p>
            <p>
              <b>Look for:</b> {step.lookFor}
            </p>
            {run ? (
              <p className="lesson-figures" data-testid="lesson-figures" data-final-id={run.measured.finalThoughtId ?? ''}>
                Final thought: latency {run.measured.latency ?? '—'}, volume {run.measured.volume ?? '—'} · error {run.measured.error ?? '—'} ·{' '}
                {dollars(run.measured.cost)} · {run.measured.tokens.toLocaleString('en')} tokens
              </p>
            ) : null}
          </div>
        ) : null}
      </aside>
    </div>
  );
}
