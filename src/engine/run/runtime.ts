import { callId as toCallId, type OperationId } from '../graph/ids';
import { Lineage } from '../grs/lineage';
import { applyEventInPlace, createGrs } from '../grs/reduce';
import type { GrsState } from '../grs/state';
import { ModelError, type CompletionResult, type LanguageModel } from '../models/types';
import type { CallOutcome, CallSpec, CriticalPoint, FlowItem } from '../operations/execution';
import { errorText, RunStopped } from './errors';
import type { Budget, BudgetCap, RunEvent, RunEventMap, RunEventType } from './events';
import type { RunOptions } from './options';
import { callSeed } from './seed';
import { Semaphore } from './semaphore';

type Payload<K extends RunEventType> = Omit<RunEventMap[K], 'at'>;

/** Why a run stopped early. */
export interface StopInfo {
  status: 'cancelled' | 'budget';
  reason: string;
  cap?: BudgetCap;
}

export const ZERO_CP: CriticalPoint = { ms: 0, hops: 0, tail: null };

/** The latest of some critical points (longest ms; more hops breaks ties). */
export function latestCp(items: readonly FlowItem[]): CriticalPoint {
  let best = ZERO_CP;
  for (const it of items) if (it.cp.ms > best.ms || (it.cp.ms === best.ms && it.cp.hops > best.hops)) best = it.cp;
  return best;
}

/**
 * What every operation of one run shares: the event log and the GRS built from it by the
 * reducer, the concurrency limit, the budget, the stop switch and the critical path so far.
 */
export class RunRuntime {
  readonly events: RunEvent[] = [];
  readonly grs: GrsState = createGrs();
  readonly lineage = new Lineage();
  stopInfo: StopInfo | null = null;
  /** The latest critical point any thought reached. */
  critical: CriticalPoint = ZERO_CP;
  private readonly clock: () => number;
  private readonly t0: number;
  private readonly slots: Semaphore;
  private readonly model: LanguageModel;
  private readonly budget: Budget;
  private readonly seed: number;
  private requestsStarted = 0;
  private tokensUsed = 0;
  private costUsed = 0;
  /** Called once when the run stops: aborts in-flight calls and guarded waits. */
  private readonly stopListeners = new Set<() => void>();

  constructor(private readonly options: RunOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.t0 = this.clock();
    this.slots = new Semaphore(options.concurrency ?? 8);
    this.model = options.model;
    this.budget = options.budget ?? {};
    this.seed = options.seed ?? 0;
  }

  /** Milliseconds since the run started. */
  now(): number {
    return this.clock() - this.t0;
  }

  /** Records an event: appended to the log, applied to the GRS, passed to the listener. */
  emit<K extends RunEventType>(type: K, payload: Payload<K>): void {
    this.record({ type, at: this.now(), ...payload } as unknown as RunEvent);
  }

  /** Like emit, for an event the caller built whole (with `at: now()`): the hot paths save a copy per thought. */
  record(event: RunEvent): void {
    this.events.push(event);
    applyEventInPlace(this.grs, event);
    if (this.options.onEvent) {
      try {
        this.options.onEvent(event);
      } catch (err) {
        console.error('a run event listener threw', err);
      }
    }
  }

  /** Stops the run (once): no new call starts, in-flight calls and waits are aborted. */
  stop(status: StopInfo['status'], reason: string, cap?: BudgetCap): void {
    if (this.stopInfo) return;
    this.stopInfo = cap ? { status, reason, cap } : { status, reason };
    this.emit('log', { level: status === 'budget' ? 'warn' : 'info', message: reason });
    this.slots.rejectAll(() => new RunStopped());
    const listeners = [...this.stopListeners];
    this.stopListeners.clear();
    for (const fn of listeners) fn();
  }

  /** Calls `fn` when the run stops; returns the unsubscribe function. */
  onStop(fn: () => void): () => void {
    this.stopListeners.add(fn);
    return () => this.stopListeners.delete(fn);
  }

  throwIfStopped(): void {
    if (this.stopInfo) throw new RunStopped();
  }

  /** `p`, or a RunStopped rejection as soon as the run stops. */
  guard<T>(p: Promise<T>): Promise<T> {
    if (this.stopInfo) {
      p.catch(() => undefined);
      return Promise.reject(new RunStopped());
    }
    return new Promise<T>((resolve, reject) => {
      const off = this.onStop(() => reject(new RunStopped()));
      p.then(
        (v) => {
          off();
          resolve(v);
        },
        (e: unknown) => {
          off();
          reject(e);
        },
      );
    });
  }

  noteCritical(cp: CriticalPoint): void {
    if (cp.ms > this.critical.ms || (cp.ms === this.critical.ms && cp.hops > this.critical.hops)) this.critical = cp;
  }

  /**
   * Makes one model call for an operation: waits for the control hook and a concurrency slot,
   * checks the budget, records call.start/token/retry/done. A model failure is reported through
   * `report` and gives null; a stop throws RunStopped.
   */
  async call(opId: OperationId, spec: CallSpec, report: (message: string) => void): Promise<CallOutcome | null> {
    this.throwIfStopped();
    const hold = this.options.control?.beforeCall?.(opId);
    if (hold) await this.guard(hold);
    this.throwIfStopped();
    const release = await this.slots.acquire();
    try {
      this.throwIfStopped();
      this.checkBudgetBefore();
      const id = toCallId(`${opId}:${spec.tag}`);
      const start = latestCp(spec.inputs);
      const seed = callSeed(this.seed, opId, spec.tag);
      const sampling = {
        ...(spec.temperature !== undefined ? { temperature: spec.temperature } : {}),
        ...(spec.maxTokens !== undefined ? { maxTokens: spec.maxTokens } : {}),
      };
      this.emit('call.start', { callId: id, opId, purpose: spec.purpose, inputIds: spec.inputs.map((i) => i.id), messages: spec.messages, n: spec.n, seed, ...sampling });
      this.requestsStarted += 1;
      const began = this.clock();
      let open = true;
      let result: CompletionResult;
      const abort = new AbortController();
      const off = this.onStop(() => abort.abort());
      try {
        result = await this.guard(
          this.model.complete({
            messages: spec.messages,
            n: spec.n,
            ...sampling,
            seed,
            signal: abort.signal,
            onToken: (index, delta) => open && this.emit('call.token', { callId: id, index, delta }),
            onRetry: (info) => open && this.emit('call.retry', { callId: id, ...info }),
            onNotice: (message) => open && this.emit('log', { level: 'info', message, opId }),
          }),
        );
      } catch (err) {
        open = false;
        off();
        if (this.stopInfo) {
          this.emit('call.error', { callId: id, opId, kind: 'aborted', message: `stopped: ${this.stopInfo.reason}` });
          throw new RunStopped();
        }
        const kind = err instanceof ModelError ? err.kind : 'unknown';
        const message = errorText(err);
        this.emit('call.error', { callId: id, opId, kind, message });
        report(`the ${spec.purpose} call ${id} failed: ${message}`);
        return null;
      }
      open = false;
      off();
      const ms = this.clock() - began;
      // A cached answer cost nothing and spends no budget; its usage is still recorded.
      const cost = result.cached ? 0 : (this.options.cost?.(result.usage) ?? 0);
      const { promptTokens, completionTokens } = result.usage;
      this.emit('call.done', { callId: id, texts: result.texts, promptTokens, completionTokens, cost, ms, cached: result.cached, requests: result.requests });
      this.requestsStarted += result.requests - 1;
      if (!result.cached) this.tokensUsed += promptTokens + completionTokens;
      this.costUsed += cost;
      this.checkBudgetAfter();
      return { callId: id, texts: result.texts, ms, promptTokens, completionTokens, cost, cp: { ms: start.ms + ms, hops: start.hops + 1, tail: start.tail } };
    } finally {
      release();
    }
  }

  private checkBudgetBefore(): void {
    const b = this.budget;
    if (b.requests !== undefined && this.requestsStarted >= b.requests) this.stopForBudget('requests', `the request cap of ${b.requests} was reached`);
    if (b.tokens !== undefined && this.tokensUsed >= b.tokens) this.stopForBudget('tokens', `the token cap of ${b.tokens} was reached (${this.tokensUsed} used)`);
    if (b.cost !== undefined && this.costUsed >= b.cost) this.stopForBudget('cost', `the cost cap of $${b.cost} was reached ($${this.costUsed.toFixed(4)} spent)`);
  }

  private stopForBudget(cap: BudgetCap, reason: string): never {
    this.stop('budget', reason, cap);
    throw new RunStopped();
  }

  /** After usage: a cap already exceeded stops the run now (the call that crossed it still counts and keeps its thoughts). */
  private checkBudgetAfter(): void {
    const b = this.budget;
    if (b.requests !== undefined && this.requestsStarted > b.requests) this.stop('budget', `the request cap of ${b.requests} was exceeded (${this.requestsStarted} made)`, 'requests');
    else if (b.tokens !== undefined && this.tokensUsed > b.tokens) this.stop('budget', `the token cap of ${b.tokens} was exceeded (${this.tokensUsed} used)`, 'tokens');
    else if (b.cost !== undefined && this.costUsed > b.cost) this.stop('budget', `the cost cap of $${b.cost} was exceeded ($${this.costUsed.toFixed(4)} spent)`, 'cost');
  }
}
