import {
  runGraph,
  type FunctionRegistry,
  type GotDocument,
  type LanguageModel,
  type OperationId,
  type RunEvent,
  type RunResult,
  type ScriptRunner,
  type ThoughtState,
  type TokenUsage,
} from '../../engine/index';
import { CODE_DECLINED, confirmDocumentCode } from '../scripts/codeConsentGate';
import { FrameBatcher, type FrameScheduler } from './frameBatcher';
import { explainRunFailure } from './runProblems';
import type { RunHost, RunUi } from './runSlice';

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
  /** The input state of a dataset row of the document's dataset. */
  sampleInput: (doc: GotDocument, index: number) => Promise<ThoughtState>;
  scripts?: ScriptRunner;
  /** Keeps a finished (or cancelled) run; resolves when stored. */
  record?: (result: { events: RunEvent[]; title: string }) => Promise<void>;
  schedule?: FrameScheduler;
  now?: () => number;
}

/**
 * The one place that subscribes to engine events: starts runs and batches, holds them between
 * steps or while paused, cancels them, and feeds their events to the store once per frame.
 */
export class RunController {
  private abort: AbortController | null = null;
  private heldOps: Array<{ opId: OperationId; release: () => void }> = [];
  private pauseGate: { promise: Promise<void>; release: () => void } | null = null;
  private readonly batcher: FrameBatcher<RunEvent>;
  private readonly now: () => number;

  constructor(private readonly deps: RunControllerDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.batcher = new FrameBatcher((batch) => deps.store.getState().ingestRunEvents(batch), deps.schedule);
  }

  private ui(patch: Partial<RunUi>) {
    this.deps.store.getState().patchRunUi(patch);
  }

  get busy(): boolean {
    return this.abort !== null;
  }

  /** Runs the document on its own input (or a dataset row); `stepping` holds every operation until Step. */
  async run(opts: { sampleIndex?: number | null; stepping?: boolean } = {}): Promise<RunResult | null> {
    if (this.busy) return null;
    const doc = this.deps.store.getState().doc;
    this.begin(opts.stepping ?? false, null);
    const result = await this.runOne(doc, opts.sampleIndex ?? null);
    this.finish();
    return result;
  }

  /** Runs the document on dataset rows `from`..`to` (inclusive), one after another, with progress. */
  async runBatch(from: number, to: number): Promise<void> {
    if (this.busy) return;
    const doc = this.deps.store.getState().doc;
    this.begin(false, { from, to, done: 0, failed: 0, current: from, cost: 0, promptTokens: 0, completionTokens: 0, rows: [] });
    for (let i = from; i <= to && this.abort && !this.abort.signal.aborted; i += 1) {
      this.ui({ batch: { ...this.batchState(), current: i } });
      const result = await this.runOne(doc, i);
      const b = this.batchState();
      const s = result?.summary;
      this.ui({
        batch: {
          ...b,
          done: b.done + 1,
          failed: b.failed + (s && s.status === 'completed' ? 0 : 1),
          cost: b.cost + (s?.cost ?? 0),
          promptTokens: b.promptTokens + (s?.promptTokens ?? 0),
          completionTokens: b.completionTokens + (s?.completionTokens ?? 0),
          current: null,
          rows: [
            ...b.rows,
            {
              row: i,
              status: s?.status ?? 'not started',
              score: s?.bestScore ?? null,
              solved: s?.solved ?? null,
              cost: s?.cost ?? 0,
              wallMs: s?.wallMs ?? 0,
            },
          ],
        },
      });
    }
    this.finish();
  }

  /** Step: starts a run in step mode, or lets the next held operation start. */
  step(): void {
    if (!this.busy) {
      void this.run({ stepping: true });
      return;
    }
    this.ui({ stepping: true });
    const next = this.heldOps.shift();
    this.ui({ heldOp: this.heldOps[0]?.opId ?? null });
    next?.release();
  }

  /** Holds new model calls (calls in flight finish). */
  pause(): void {
    if (!this.busy || this.pauseGate) return;
    let release = () => {};
    const promise = new Promise<void>((r) => (release = r));
    this.pauseGate = { promise, release };
    this.ui({ phase: 'paused' });
  }

  /** Lets held calls go, and leaves step mode (every held operation starts). */
  resume(): void {
    const gate = this.pauseGate;
    this.pauseGate = null;
    gate?.release();
    this.ui({ stepping: false, heldOp: null, phase: this.busy ? 'running' : this.deps.store.getState().runUi.phase });
    const held = this.heldOps;
    this.heldOps = [];
    for (const h of held) h.release();
  }

  /** Stops the run at once; what it made so far stays on screen and can be exported. */
  cancel(): void {
    this.abort?.abort();
    this.resume();
  }

  private batchState() {
    return (
      this.deps.store.getState().runUi.batch ?? {
        from: 0,
        to: 0,
        done: 0,
        failed: 0,
        current: null,
        cost: 0,
        promptTokens: 0,
        completionTokens: 0,
        rows: [],
      }
    );
  }

  private begin(stepping: boolean, batch: RunUi['batch']) {
    this.abort = new AbortController();
    this.heldOps = [];
    this.pauseGate = null;
    const s = this.deps.store.getState();
    s.clearRun();
    this.ui({
      phase: 'running',
      stepping,
      heldOp: null,
      startedWall: this.now(),
      endedWall: null,
      source: { kind: 'live' },
      batch,
      problem: null,
    });
  }

  private finish() {
    this.batcher.flush();
    this.abort = null;
    this.heldOps = [];
    this.pauseGate = null;
    this.ui({ phase: 'finished', stepping: false, heldOp: null, endedWall: this.now() });
  }

  private async runOne(doc: GotDocument, sampleIndex: number | null): Promise<RunResult | null> {
    const signal = this.abort?.signal;
    try {
      // Code from outside (share link, file, gallery) runs only once the user has seen and accepted it.
      if (!(await confirmDocumentCode(doc))) {
        this.abort?.abort();
        this.ui({ problem: CODE_DECLINED });
        return null;
      }
      const input = sampleIndex === null ? doc.input : await this.deps.sampleInput(doc, sampleIndex);
      const [{ model, cost }, functions] = await Promise.all([this.deps.prepareModel(sampleIndex), this.deps.functions()]);
      const s = this.deps.store.getState();
      const settings = s.modelSettings;
      const result = await runGraph(doc, {
        model,
        functions,
        input,
        cost,
        concurrency: settings.concurrency,
        budget: settings.budget,
        seed: settings.provider === 'simulator' ? settings.simulator.seed : 0,
        sampleIndex,
        signal,
        scripts: this.deps.scripts,
        onEvent: (ev) => this.batcher.push(ev),
        control: {
          beforeOperation: (opId) => this.holdForStep(opId),
          beforeCall: () => this.pauseGate?.promise ?? Promise.resolve(),
        },
      });
      this.batcher.flush();
      const problem = explainRunFailure(result.events);
      if (problem) this.ui({ problem });
      const title = sampleIndex === null ? doc.title : `${doc.title} · row ${sampleIndex}`;
      await this.deps.record?.({ events: result.events, title }).catch(() => undefined);
      return result;
    } catch (err) {
      this.batcher.flush();
      this.ui({ problem: explainRunFailure([], err) });
      return null;
    }
  }

  private holdForStep(opId: OperationId): Promise<void> {
    if (!this.deps.store.getState().runUi.stepping) return Promise.resolve();
    return new Promise<void>((release) => {
      this.heldOps.push({ opId, release });
      this.ui({ heldOp: this.heldOps[0]?.opId ?? null });
    });
  }
}
