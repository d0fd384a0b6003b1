import type { CheckedGraph, GotDocument } from '../graph/document';
import type { Diagnostic } from '../graph/diagnostics';
import type { OperationId } from '../graph/ids';
import { validateDocument } from '../graph/validate';
import { rebuildGrs } from '../grs/reduce';
import type { GrsState } from '../grs/state';
import { GraphInvalidError } from './errors';
import type { RunEvent, RunSummary } from './events';
import { executeGraph } from './executeGraph';
import type { RunControl, RunOptions } from './options';
import { RunGate } from './runGate';
import { RunRuntime } from './runtime';

/**
 * Where a run is, as one value. `idle`: not started (what a UI shows before any run; a handle is
 * never idle once startRun returns). `paused`: no operation or model call starts until resume or
 * step (calls in flight finish); `waiting` lists the operations held at their start and `next` is
 * what step lets through. `done` covers a completed run and one a budget stopped
 * (`summary.status` says which, `summary.reason` why); `failed` and `cancelled` carry the summary too.
 */
export type RunHandleStatus =
  | { kind: 'idle' }
  | { kind: 'running' }
  | { kind: 'paused'; waiting: readonly OperationId[]; next: OperationId | null }
  | { kind: 'done'; summary: RunSummary }
  | { kind: 'failed'; summary: RunSummary }
  | { kind: 'cancelled'; summary: RunSummary };

/** A listener of a run's events; `index` is the event's position in the log. */
export type RunEventListener = (event: RunEvent, index: number) => void;

/** Options of startRun: those of a run, plus whether it starts paused (Step mode). */
export interface StartRunOptions extends RunOptions {
  /** Start paused: nothing starts until step() or resume(). */
  paused?: boolean;
}

/**
 * One live run: its event log, its controls and its outcome. The engine owns the run; any number
 * of watchers (a UI, a CLI progress bar, a recorder) subscribe to it.
 */
export interface RunHandle {
  /** The event log so far, in order; it grows while the run goes on (read it, never write it). */
  readonly events: readonly RunEvent[];
  /** The GRS now, built from `events` by the engine's reducer; it changes in place as events arrive (use grsAt for a snapshot). */
  readonly grs: GrsState;
  /** Where the run is now. */
  readonly status: RunHandleStatus;
  /** Resolves with the summary once the run ended (completed, failed, cancelled or out of budget); rejects only on an engine fault. */
  readonly done: Promise<RunSummary>;
  /**
   * Calls `listener` with every event from index `from` (default 0: the whole log so far,
   * synchronously, then each new event as it happens). Pass `from: handle.events.length` for new
   * events only. Returns the unsubscribe function. A listener that throws is skipped for that event.
   */
  subscribe(listener: RunEventListener, options?: { from?: number }): () => void;
  /** Calls `listener` after each change of `status`; returns the unsubscribe function. */
  onStatus(listener: (status: RunHandleStatus) => void): () => void;
  /** Holds the run: no new operation or model call starts; calls in flight finish. */
  pause(): void;
  /** Lets everything held go. */
  resume(): void;
  /** Pauses if running, then lets one operation run to its end (a running one the pause holds, else the next to start). */
  step(): void;
  /** Stops the run: in-flight calls are aborted, nothing new starts; `done` resolves with a cancelled summary. */
  cancel(): void;
  /** The GRS after the first `eventIndex` events (0: empty; events.length: now), rebuilt by the engine's reducer. */
  grsAt(eventIndex: number): GrsState;
}

/**
 * Starts a run of a Graph of Operations on one input and returns its handle at once. Validates
 * first and throws GraphInvalidError (with the diagnostics) when the graph cannot run; model
 * failures never throw: they become events and a failed or partial summary.
 */
export function startRun(document: GotDocument, options: StartRunOptions): RunHandle {
  const { graph, diagnostics } = validateDocument(document, { functions: options.functions });
  if (!graph) throw new GraphInvalidError(diagnostics);
  return startCheckedRun(graph, options, diagnostics);
}

/**
 * Starts a run of a graph validateDocument already accepted (with the same functions), e.g. once
 * for a batch of samples. `warnings` are the validation's diagnostics to repeat in the run log.
 */
export function startCheckedRun(graph: CheckedGraph, options: StartRunOptions, warnings: readonly Diagnostic[] = []): RunHandle {
  return new LiveRunHandle(graph, options, warnings);
}

interface Subscription {
  listener: RunEventListener;
  /** The next event index it has not seen. */
  next: number;
}

const statusOf = (summary: RunSummary): RunHandleStatus =>
  summary.status === 'failed' ? { kind: 'failed', summary } : summary.status === 'cancelled' ? { kind: 'cancelled', summary } : { kind: 'done', summary };

function chain(own: RunControl | undefined, gate: Required<RunControl>): RunControl {
  if (!own) return gate;
  return {
    beforeOperation: async (opId) => {
      await own.beforeOperation?.(opId);
      await gate.beforeOperation(opId);
    },
    beforeCall: async (opId) => {
      await own.beforeCall?.(opId);
      await gate.beforeCall(opId);
    },
  };
}

class LiveRunHandle implements RunHandle {
  readonly done: Promise<RunSummary>;
  private readonly rt: RunRuntime;
  private readonly gate: RunGate;
  private readonly abort = new AbortController();
  private readonly subscriptions = new Set<Subscription>();
  private readonly statusListeners = new Set<(status: RunHandleStatus) => void>();
  private final: RunHandleStatus | null = null;
  private current: RunHandleStatus;

  constructor(graph: CheckedGraph, options: StartRunOptions, warnings: readonly Diagnostic[]) {
    this.gate = new RunGate(options.paused ?? false, () => this.statusChanged());
    this.current = this.computeStatus();
    const outer = options.signal;
    const cancel = (): void => this.abort.abort();
    if (outer?.aborted) cancel();
    else outer?.addEventListener('abort', cancel, { once: true });
    const callerListener = options.onEvent;
    const runOptions: RunOptions = {
      ...options,
      signal: this.abort.signal,
      control: chain(options.control, this.gate.hooks),
      onEvent: (event) => {
        const last = event.type === 'run.done';
        if (last) this.final = statusOf(event.summary);
        callerListener?.(event);
        if (this.subscriptions.size !== 0) this.dispatch(event);
        if (last) this.statusChanged();
      },
    };
    this.rt = new RunRuntime(runOptions);
    this.done = executeGraph(graph, this.rt, runOptions, warnings).finally(() => outer?.removeEventListener('abort', cancel));
  }

  get events(): readonly RunEvent[] {
    return this.rt.events;
  }

  get grs(): GrsState {
    return this.rt.grs;
  }

  get status(): RunHandleStatus {
    return this.current;
  }

  subscribe(listener: RunEventListener, options: { from?: number } = {}): () => void {
    const sub: Subscription = { listener, next: Math.max(0, options.from ?? 0) };
    this.subscriptions.add(sub);
    const log = this.rt.events;
    while (sub.next < log.length && this.subscriptions.has(sub)) this.deliver(sub, log[sub.next] as RunEvent, sub.next);
    return () => this.subscriptions.delete(sub);
  }

  onStatus(listener: (status: RunHandleStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  pause(): void {
    if (!this.final) this.gate.pause();
  }

  resume(): void {
    this.gate.resume();
  }

  step(): void {
    if (!this.final) this.gate.step();
  }

  cancel(): void {
    this.abort.abort();
    // Held operations and calls are guarded by the run: the stop unblocks them, so the gate can stay as it is.
  }

  grsAt(eventIndex: number): GrsState {
    const log = this.rt.events;
    return rebuildGrs(eventIndex >= log.length ? log : log.slice(0, Math.max(0, eventIndex)));
  }

  private dispatch(event: RunEvent): void {
    const index = this.rt.events.length - 1;
    for (const sub of this.subscriptions) if (sub.next === index) this.deliver(sub, event, index);
  }

  private deliver(sub: Subscription, event: RunEvent, index: number): void {
    sub.next = index + 1;
    try {
      sub.listener(event, index);
    } catch {
      // One faulty watcher must not stop the run or the other watchers.
    }
  }

  private computeStatus(): RunHandleStatus {
    if (this.final) return this.final;
    if (!this.gate.isPaused) return { kind: 'running' };
    return { kind: 'paused', waiting: this.gate.waiting, next: this.gate.next };
  }

  private statusChanged(): void {
    this.current = this.computeStatus();
    for (const listener of this.statusListeners) listener(this.current);
  }
}
