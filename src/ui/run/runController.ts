import {
  runSamples,
  startFork,
  startRun,
  type ForkChange,
  type FunctionRegistry,
  type GotDocument,
  type LanguageModel,
  type RunEvent,
  type RunHandle,
  type RunHandleStatus,
  type RunResult,
  type SampleRun,
  type ScriptRunner,
  type ThoughtState,
  type TokenUsage,
} from '../../engine/index';
import { CODE_DECLINED, confirmDocumentCode } from '../scripts/codeConsentGate';
import { AnswerForecast } from './answerForecast';
import { FrameBatcher, frameScheduler, type FrameScheduler } from './frameBatcher';
import { explainBatchStop, explainRunFailure } from './runProblems';
import type { BatchProgress, RunHost, RunUi, RunViewMode } from './runSlice';

/** The longest a click on Run waits to show the run (ms) when its first requests are slow to leave. */
const SHOW_WITHIN_MS = 100;

/** The store the controller drives (the app store, or a test store with the run slice). */
export interface RunStoreApi {
  getState(): RunHost & { doc: GotDocument };
}

/** The model a run uses, built fresh for each run from the current settings. */
export interface PreparedModel {
  model: LanguageModel;
  cost: (usage: TokenUsage) => number;
}

/** Platform pieces the controller is handed (the app wires the browser ones; tests pass their own). */
export interface RunControllerDeps {
  store: RunStoreApi;
  prepareModel: (sampleIndex: number | null) => Promise<PreparedModel>;
  functions: () => Promise<FunctionRegistry>;
  /** Starts loading what prepareModel will need, before a run is asked for. */
  preloadModel?: () => void;
  /** The input state of a dataset row of the document's dataset. */
  sampleInput: (doc: GotDocument, index: number) => Promise<ThoughtState>;
  scripts?: ScriptRunner;
  /** Keeps a finished (or cancelled) run; resolves when stored. */
  record?: (result: { events: RunEvent[]; title: string }) => Promise<void>;
  schedule?: FrameScheduler;
  now?: () => number;
}

/**
 * The one place that subscribes to engine events: starts runs (startRun) and batches (runSamples),
 * forwards Pause, Resume, Step and Cancel to the engine's RunHandle, and feeds the run's events to
 * the store once per frame.
 */
export class RunController {
  private abort: AbortController | null = null;
  private handle: RunHandle | null = null;
  private detach: (() => void) | null = null;
  /** Step mode: the run is held by Step (shown as "Stepping"), not by Pause. */
  private stepMode = false;
  private readonly batcher: FrameBatcher<RunEvent>;
  private readonly now: () => number;
  /** When the live run's answers are due: its screen updates wait for them, so answers are read at once. */
  private readonly forecast = new AnswerForecast();

  constructor(private readonly deps: RunControllerDeps) {
    this.now = deps.now ?? (() => Date.now());
    // A little slack over the last flush's cost: an answer that lands just after a render would still wait for its paint.
    const schedule = deps.schedule ?? frameScheduler((now, flushMs) => this.answerDueWithin(now, flushMs + 4));
    this.batcher = new FrameBatcher((batch) => {
      this.showRun();
      deps.store.getState().ingestRunEvents(batch);
    }, schedule);
  }

  /** Patches the run's UI state; while the switch to a new run is pending, the patch joins it. */
  private ui(patch: Partial<RunUi>) {
    if (this.pendingShow) Object.assign(this.pendingShow, patch);
    else this.deps.store.getState().patchRunUi(patch);
  }

  /**
   * The screen's switch to the run begun last (clear the old one, say "running", open its view), not yet applied:
   * its render (the run views mount) waits until the run's first requests are out.
   */
  private pendingShow: Partial<RunUi> | null = null;

  /** Applies the pending switch to the new run now (before anything else of the run is shown). */
  private showRun(): void {
    const patch = this.pendingShow;
    if (!patch) return;
    this.pendingShow = null;
    this.deps.store.getState().clearRun();
    this.deps.store.getState().patchRunUi(patch);
  }

  /** Applies the pending switch in a later task: after the microtasks that send the run's first requests, or after a run slow to start. */
  private showSoon(ms: number): void {
    const patch = this.pendingShow;
    setTimeout(() => patch === this.pendingShow && this.showRun(), ms);
  }

  /** The history's copy of the last watched run, being written. */
  private keeping: Promise<void> = Promise.resolve();

  /** Whether one of the live run's model answers is expected within `windowMs` of `now` (performance.now ms). */
  answerDueWithin(now: number, windowMs: number): boolean {
    return this.abort !== null && this.forecast.dueWithin(now, windowMs);
  }

  /** How long until one of the live run's model answers is due (performance.now ms; 0: late), or null when none is expected. */
  answerDueIn(now: number): number | null {
    return this.abort === null ? null : this.forecast.dueIn(now);
  }

  /** Starts loading the model's code (e.g. the SDK) ahead of a likely run. */
  preload(): void {
    this.deps.preloadModel?.();
  }

  get busy(): boolean {
    return this.abort !== null;
  }

  /** Runs the document on its own input (or a dataset row); `stepping` holds every operation until Step; `view`: the run view to show it in. */
  async run(opts: { sampleIndex?: number | null; stepping?: boolean; view?: RunViewMode } = {}): Promise<RunResult | null> {
    if (this.busy) return null;
    const doc = this.deps.store.getState().doc;
    this.begin(opts.stepping ?? false, null, opts.view);
    const result = await this.runOne(doc, opts.sampleIndex ?? null);
    this.finish();
    await this.keeping;
    return result;
  }

  /** Forks the run on screen: runs again only what `change` affects, as a new run (the original stays in the history). */
  async fork(change: ForkChange): Promise<RunResult | null> {
    if (this.busy) return null;
    const original = [...this.deps.store.getState().live.events];
    const title = `${this.deps.store.getState().doc.title} · fork`;
    this.begin(false, null);
    if (!(await this.codeAccepted(this.deps.store.getState().doc))) {
      this.finish();
      return null;
    }
    const result = await this.watch(async () => {
      const sampleIndex = original.find((e) => e.type === 'run.start')?.settings.sampleIndex ?? null;
      const [{ model, cost }, functions] = await Promise.all([this.deps.prepareModel(sampleIndex), this.deps.functions()]);
      const settings = this.deps.store.getState().modelSettings;
      return startFork(original, change, {
        model,
        functions,
        cost,
        concurrency: settings.concurrency,
        budget: settings.budget,
        sampleIndex,
        signal: (this.abort as AbortController).signal,
        ...(this.deps.scripts ? { scripts: this.deps.scripts } : {}),
      });
    }, title);
    this.finish();
    await this.keeping;
    return result;
  }

  /** Runs the document on dataset rows `from`..`to` (inclusive) with the engine's batch loop: one budget caps the whole batch. */
  async runBatch(from: number, to: number, view?: RunViewMode): Promise<void> {
    if (this.busy) return;
    const doc = this.deps.store.getState().doc;
    this.begin(false, { from, to, done: 0, failed: 0, current: from, cost: 0, promptTokens: 0, completionTokens: 0, rows: [] }, view);
    const settings = this.deps.store.getState().modelSettings;
    const records: Array<Promise<void>> = [];
    try {
      const functions = await this.deps.functions();
      const batch = await runSamples(doc, {
        samples: Array.from({ length: to - from + 1 }, (_, k) => ({ label: `row ${from + k}`, sampleIndex: from + k })),
        functions,
        ...(this.deps.scripts ? { scripts: this.deps.scripts } : {}),
        concurrency: settings.concurrency,
        seed: settings.provider === 'simulator' ? settings.simulator.seed : 0,
        budget: settings.budget,
        signal: (this.abort as AbortController).signal,
        prepare: async (sample) => {
          const row = sample.sampleIndex as number;
          this.ui({ batch: { ...this.batchState(), current: row } });
          const [input, { model, cost }] = await Promise.all([this.deps.sampleInput(doc, row), this.deps.prepareModel(row)]);
          return { model, cost, input, paused: this.stepMode };
        },
        onProgress: (e) => {
          if (e.type === 'sample.start') return this.attach(e.handle);
          this.batcher.flush();
          this.ui({ batch: withRow(this.batchState(), e.run) });
          if (e.run.kind === 'not run') return this.ui({ problem: explainRunFailure([], new Error(e.run.error)) });
          const problem = explainRunFailure(e.run.events);
          if (problem) this.ui({ problem });
          records.push(this.keep(e.run.events, `${doc.title} · ${e.run.sample.label}`));
        },
      });
      const stopped = explainBatchStop(batch.stop);
      if (stopped) this.ui({ problem: stopped });
    } catch (err) {
      this.ui({ problem: explainRunFailure([], err) });
    }
    await Promise.all(records);
    this.finish();
  }

  /** Step: starts a run in step mode, or lets the next operation run (pausing a running run first). */
  step(): void {
    if (!this.busy) {
      void this.run({ stepping: true });
      return;
    }
    this.stepMode = true;
    this.handle?.step();
    this.showStatus();
  }

  /** Holds the run: no new operation or model call starts (calls in flight finish). */
  pause(): void {
    this.stepMode = false;
    this.handle?.pause();
    this.showStatus();
  }

  /** Lets everything held go, and leaves step mode. */
  resume(): void {
    this.stepMode = false;
    this.handle?.resume();
    this.showStatus();
  }

  /** Stops the run (or batch) at once; what it made so far stays on screen and can be exported. */
  cancel(): void {
    this.abort?.abort();
    this.handle?.cancel();
  }

  private batchState(): BatchProgress {
    return (this.pendingShow ? this.pendingShow.batch : this.deps.store.getState().runUi.batch) ?? { from: 0, to: 0, done: 0, failed: 0, current: null, cost: 0, promptTokens: 0, completionTokens: 0, rows: [] };
  }

  private begin(stepping: boolean, batch: RunUi['batch'], view?: RunViewMode) {
    this.abort = new AbortController();
    this.stepMode = stepping;
    this.forecast.reset();
    const status: Partial<RunUi> = { phase: 'running', stepping, heldOp: null, startedWall: this.now(), endedWall: null };
    // The status line says so at once (a small render): it never says the last run's "Done" after a click on Run.
    this.deps.store.getState().patchRunUi(status);
    this.pendingShow = { ...status, source: { kind: 'live' }, batch, problem: null, ...(view ? { view } : {}) };
    // At the latest: a run whose start waits (code to load, a dataset row, the user's consent) still shows at once that it is running.
    this.showSoon(SHOW_WITHIN_MS);
  }

  private finish() {
    if (this.abort === null) return;
    this.showRun();
    this.detach?.();
    this.detach = null;
    this.batcher.flush();
    this.abort = null;
    this.handle = null;
    this.stepMode = false;
    this.ui({ phase: 'finished', stepping: false, heldOp: null, endedWall: this.now() });
  }

  /** Shows a run's events and status as they come (the frame batcher hands events to the store). */
  private attach(handle: RunHandle): void {
    this.detach?.();
    this.handle = handle;
    const offEvents = handle.subscribe((e) => {
      this.forecast.observe(e, performance.now());
      this.batcher.push(e);
    });
    const offStatus = handle.onStatus(() => this.showStatus());
    this.detach = () => {
      offEvents();
      offStatus();
    };
    this.showStatus();
    // The engine has started: its first requests leave in the microtasks that follow, the screen switches in the next task.
    this.showSoon(0);
  }

  private showStatus(): void {
    const status: RunHandleStatus | undefined = this.handle?.status;
    if (status?.kind === 'paused') this.ui({ phase: this.stepMode ? 'running' : 'paused', stepping: this.stepMode, heldOp: status.next });
    else if (status?.kind === 'running') this.ui({ phase: 'running', stepping: false, heldOp: null });
  }

  private async runOne(doc: GotDocument, sampleIndex: number | null): Promise<RunResult | null> {
    if (!(await this.codeAccepted(doc))) return null;
    return this.watch(async () => {
      const input = sampleIndex === null ? doc.input : await this.deps.sampleInput(doc, sampleIndex);
      const [{ model, cost }, functions] = await Promise.all([this.deps.prepareModel(sampleIndex), this.deps.functions()]);
      const settings = this.deps.store.getState().modelSettings;
      return startRun(doc, {
        model,
        functions,
        input,
        cost,
        concurrency: settings.concurrency,
        budget: settings.budget,
        seed: settings.provider === 'simulator' ? settings.simulator.seed : 0,
        sampleIndex,
        signal: (this.abort as AbortController).signal,
        ...(this.deps.scripts ? { scripts: this.deps.scripts } : {}),
        paused: this.stepMode,
      });
    }, sampleIndex === null ? doc.title : `${doc.title} · row ${sampleIndex}`);
  }

  /** Shows one run from start to end and keeps it in the history under `title`. */
  /** Code from outside (share link, file, gallery) runs only once the user has seen and accepted it. */
  private async codeAccepted(doc: GotDocument): Promise<boolean> {
    if (await confirmDocumentCode(doc)) return true;
    this.abort?.abort();
    this.ui({ problem: CODE_DECLINED });
    return false;
  }

  private async watch(start: () => Promise<RunHandle>, title: string): Promise<RunResult | null> {
    try {
      const handle = await start();
      this.attach(handle);
      const summary = await handle.done;
      // The last events, "Done" and any problem go to the store together: one render ends the run on screen.
      this.finish();
      const problem = explainRunFailure(handle.events);
      if (problem) this.ui({ problem });
      // The run shows as done at once; writing its copy to the history (a large structured clone) waits until "Done" is drawn.
      this.keeping = afterPaint().then(() => this.keep(handle.events, title));
      return { summary, events: [...handle.events], grs: handle.grs };
    } catch (err) {
      this.finish();
      this.ui({ problem: explainRunFailure([], err) });
      return null;
    }
  }

  /** Keeps a finished run in the history (a failure to store it does not fail the run). */
  private keep(events: readonly RunEvent[], title: string): Promise<void> {
    return this.deps.record?.({ events: [...events], title }).catch(() => undefined) ?? Promise.resolve();
  }
}

/** Resolves once the next frame has been drawn (in a task after it), or after AFTER_PAINT_LATEST_MS where no frame comes. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A hidden tab draws no frames: the timer makes sure the run's history copy is still written.
    setTimeout(resolve, typeof requestAnimationFrame === 'function' ? AFTER_PAINT_LATEST_MS : 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** The longest the history copy waits for the frame that shows Done (ms). */
const AFTER_PAINT_LATEST_MS = 250;

/** The batch's progress with one more row finished. */
function withRow(b: BatchProgress, run: SampleRun): BatchProgress {
  const s = run.kind === 'ran' ? run.summary : null;
  const row = run.sample.sampleIndex as number;
  return {
    ...b,
    done: b.done + 1,
    failed: b.failed + (s && s.status === 'completed' ? 0 : 1),
    cost: b.cost + (s?.cost ?? 0),
    promptTokens: b.promptTokens + (s?.promptTokens ?? 0),
    completionTokens: b.completionTokens + (s?.completionTokens ?? 0),
    current: null,
    rows: [...b.rows, { row, status: s?.status ?? 'not started', score: s?.bestScore ?? null, solved: s?.solved ?? null, cost: s?.cost ?? 0, wallMs: s?.wallMs ?? 0 }],
  };
}
