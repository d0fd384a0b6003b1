import { callId as toCallId, type OperationId } from '../graph/ids';
import { Lineage } from '../grs/lineage';
import { applyEventInPlace, createGrs } from '../grs/reduce';
import type { GrsState } from '../grs/state';
import { estimatePromptTokens, roughTokenCount } from '../models/tokens';
import { ModelError, type CompletionResult, type LanguageModel } from '../models/types';
import type { CallOutcome, CallSpec, CriticalPoint, FlowItem } from '../operations/execution';
import { BudgetLedger, BudgetRefusal } from './budget';
import { errorText, RunStopped } from './errors';
import type { BudgetCap, RunEvent, RunEventMap, RunEventType } from './events';
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
  private readonly ledger: BudgetLedger;
  private readonly seed: number;
  /** Called once when the run stops: aborts in-flight calls and guarded waits. */
  private readonly stopListeners = new Set<() => void>();

  constructor(private readonly options: RunOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.t0 = this.clock();
    this.slots = new Semaphore(options.concurrency ?? 8);
    this.model = options.model;
    this.ledger = new BudgetLedger(options.budget ?? {}, options.cost);
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
    this.ledger.close();
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
      const budget = this.ledger.open(this.ledger.needsEstimate ? () => this.estimate(spec) : null);
      const id = toCallId(`${opId}:${spec.tag}`);
      const start = latestCp(spec.inputs);
      const seed = callSeed(this.seed, opId, spec.tag);
      const sampling = {
        ...(spec.temperature !== undefined ? { temperature: spec.temperature } : {}),
        ...(spec.maxTokens !== undefined ? { maxTokens: spec.maxTokens } : {}),
      };
      this.emit('call.start', { callId: id, opId, purpose: spec.purpose, inputIds: spec.inputs.map((i) => i.id), messages: spec.messages, n: spec.n, seed, ...sampling });
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
            admit: budget.admit,
            beforeRequest: budget.beforeRequest,
            onToken: (index, delta) => open && this.emit('call.token', { callId: id, index, delta }),
            onRetry: (info) => open && this.emit('call.retry', { callId: id, ...info }),
            onNotice: (message) => open && this.emit('log', { level: 'info', message, opId }),
          }),
        );
      } catch (err) {
        open = false;
        off();
        budget.settle(null);
        if (err instanceof BudgetRefusal) this.stop('budget', err.message, err.cap);
        // Requests sent before a failure were still seen (and maybe billed) by the server.
        const requests = budget.requests;
        if (this.stopInfo) {
          this.emit('call.error', { callId: id, opId, kind: 'aborted', message: `stopped: ${this.stopInfo.reason}`, requests });
          throw new RunStopped();
        }
        const kind = err instanceof ModelError ? err.kind : 'unknown';
        const message = errorText(err);
        this.emit('call.error', { callId: id, opId, kind, message, requests });
        report(`the ${spec.purpose} call ${id} failed: ${message}`);
        return null;
      }
      open = false;
      off();
      const ms = this.clock() - began;
      // A cached answer cost nothing and spends no budget; its usage is still recorded.
      const cost = result.cached ? 0 : (this.options.cost?.(result.usage) ?? 0);
      const { promptTokens, completionTokens } = result.usage;
      budget.settle(result.cached ? null : { usage: result.usage, cost, completions: result.texts.length, requests: result.requests });
      this.emit('call.done', { callId: id, texts: result.texts, promptTokens, completionTokens, cost, ms, cached: result.cached, requests: budget.requests });
      this.checkBudgetAfter();
      return { callId: id, texts: result.texts, ms, promptTokens, completionTokens, cost, cp: { ms: start.ms + ms, hops: start.hops + 1, tail: start.tail } };
    } finally {
      release();
    }
  }

  private checkBudgetBefore(): void {
    const reached = this.ledger.reached();
    if (reached) this.stopForBudget(reached.cap, reached.message);
  }

  private stopForBudget(cap: BudgetCap, reason: string): never {
    this.stop('budget', reason, cap);
    throw new RunStopped();
  }

  /** After usage: a cap already exceeded stops the run now (the call that crossed it still counts and keeps its thoughts). */
  private checkBudgetAfter(): void {
    const exceeded = this.ledger.exceeded();
    if (exceeded) this.stop('budget', exceeded.message, exceeded.cap);
  }

  /** Tokens and dollars a call is expected to use: its prompt counted, each completion at its max tokens or a guess. */
  private async estimate(spec: CallSpec): Promise<{ tokens: number; cost: number }> {
    // The tokenizer loads lazily; should it fail to load, about four characters a token will do.
    const promptTokens = await estimatePromptTokens(spec.messages, this.model.id.model).catch(() =>
      spec.messages.reduce((sum, m) => sum + 3 + roughTokenCount(m.content), 3),
    );
    return this.ledger.estimateOf({ promptTokens, completionTokensEach: this.ledger.completionGuess(spec.maxTokens, promptTokens) }, spec.n);
  }
}
