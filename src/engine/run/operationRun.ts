import type { CheckedOperation } from '../graph/document';
import { thoughtId, type ThoughtId } from '../graph/ids';
import type { FunctionRegistry, ScriptRunner, ThoughtView } from '../functions/types';
import { zeroTotals } from '../grs/state';
import { UNANNOTATED, type Thought, type ThoughtAnnotations } from '../grs/thought';
import type { OperationType } from '../operations/definition';
import { compareKeys, type CallSpec, type CriticalPoint, type FlowItem, type NewThought, type OperationContext, type OperationExecutor } from '../operations/execution';
import { operationRegistry } from '../operations/registry';
import { errorText, RunStopped } from './errors';
import type { OperationStatus } from './events';
import type { KeptOperation } from './forkReuse';
import { latestCp, type RunRuntime } from './runtime';

// Spelled out field by field: spreading into a literal after other keys takes V8's slow generic path, and these run once per thought.
const outputRecord = (o: FlowItem): { id: ThoughtId } & ThoughtAnnotations => {
  const a = o.ann;
  return { id: o.id, score: a.score, scored: a.scored, valid: a.valid, validated: a.validated, solved: a.solved, compared: a.compared };
};

/** The later of two critical points (longest ms; more hops breaks ties). */
const laterCp = (a: CriticalPoint, b: CriticalPoint | undefined): CriticalPoint => (!b || a.ms > b.ms || (a.ms === b.ms && a.hops > b.hops) ? a : b);

function mergeAnnotations(a: ThoughtAnnotations, b: Partial<ThoughtAnnotations>): ThoughtAnnotations {
  return {
    score: b.score !== undefined ? b.score : a.score,
    scored: b.scored ?? a.scored,
    valid: b.valid !== undefined ? b.valid : a.valid,
    validated: b.validated ?? a.validated,
    solved: b.solved !== undefined ? b.solved : a.solved,
    compared: b.compared ?? a.compared,
  };
}

/**
 * One operation of a running graph: buffers the thoughts its predecessors send (keyed by
 * position), starts when its first input arrives (streaming operations) or when all inputs are
 * in (the others), runs its executor, and forwards each output at once to its successors.
 */
export class OperationRun implements OperationContext<OperationType> {
  status: OperationStatus = 'waiting';
  /** Successors and this operation's position among their inputs. */
  readonly successors: Array<{ run: OperationRun; index: number }> = [];
  readonly predecessors: OperationRun[] = [];
  readonly outputs: FlowItem[] = [];
  /** Errors met on single thoughts or calls (the operation went on). */
  readonly problems: string[] = [];
  execution: Promise<void> | null = null;
  error: string | null = null;
  /** A fork carries this operation's original results over: it replays them instead of running. */
  kept: KeptOperation | null = null;

  private readonly arrived: FlowItem[] = [];
  private pendingInputs: number;
  private inputsAreComplete = false;
  private inputsDone!: () => void;
  private readonly inputsComplete = new Promise<void>((resolve) => (this.inputsDone = resolve));
  private handler: ((item: FlowItem) => Promise<void>) | null = null;
  private running = 0;
  private drained: (() => void) | null = null;
  private sawStop = false;
  private startedAt = 0;
  private readonly streams: boolean;

  constructor(
    readonly op: CheckedOperation,
    private readonly runtime: RunRuntime,
    readonly env: { functions: FunctionRegistry; scripts?: ScriptRunner },
    readonly defaults: { temperature?: number; maxTokens?: number },
    private readonly beforeOperation: ((opId: CheckedOperation['id']) => Promise<void> | void) | undefined,
    private readonly onFinished: (run: OperationRun) => void,
  ) {
    // A root waits for one "predecessor": the run's input.
    this.pendingInputs = Math.max(op.inputs.length, 1);
    const definition = operationRegistry[op.type].definition as { streams: (p: unknown) => boolean };
    this.streams = definition.streams(op.params);
  }

  /** A thought arrives from the predecessor at `index` of this operation's inputs. */
  deliver(item: FlowItem, index: number): void {
    if (this.runtime.stopInfo || this.status === 'done' || this.status === 'failed') return;
    // Built field by field like every other flow item (a spread before a key is V8's slow path; this runs per thought).
    const keyed: FlowItem = this.op.inputs.length > 1 ? { id: item.id, key: [index, ...item.key], ann: item.ann, cp: item.cp } : item;
    this.arrived.push(keyed);
    if (this.handler) this.spawn(keyed, this.handler);
    else if (this.status === 'waiting' && this.streams && !this.kept) this.start();
  }

  /** One predecessor finished (or the input was delivered, for a root). */
  inputFinished(): void {
    this.pendingInputs -= 1;
    if (this.pendingInputs > 0) return;
    this.inputsAreComplete = true;
    this.inputsDone();
    if (this.status !== 'waiting' || this.runtime.stopInfo) return;
    if (this.arrived.length === 0) this.skip();
    else this.start();
  }

  private skip(): void {
    const why = this.predecessors.map((p) => `${p.op.label} ${p.status === 'done' ? 'passed on no thoughts' : p.status === 'failed' ? 'failed' : `was ${p.status}`}`).join(', ');
    this.runtime.emit('log', { level: 'info', message: `${this.op.label} (${this.op.id}) was skipped: it got no input thoughts (${why || 'no input'})`, opId: this.op.id });
    this.finish('skipped');
  }

  private start(): void {
    this.status = 'running';
    if (this.kept) this.replayKept(this.kept);
    else this.execution = this.execute();
  }

  /**
   * A fork's kept operation: its original thoughts and annotations, again, in one go (they join
   * the lineage so later volumes count them). Critical points are rebuilt from what arrived: a made
   * thought's is its recorded critical ms one hop after its latest parent; a thought passed on keeps
   * its own, or (an operation that waited for all its inputs) the latest input's.
   */
  private replayKept(kept: KeptOperation): void {
    const rt = this.runtime;
    this.startedAt = rt.now();
    rt.emit('operation.start', { opId: this.op.id });
    const cps = new Map<string, CriticalPoint>(this.arrived.map((a) => [a.id, a.cp]));
    for (const e of kept.events) {
      if (e.type === 'thought.created') {
        const t = e.thought;
        rt.lineage.add(t.id, t.parents, true);
        const from = latestCp(t.parents.flatMap((p) => (cps.has(p) ? [{ id: p, key: [], ann: UNANNOTATED, cp: cps.get(p) as CriticalPoint }] : [])));
        cps.set(t.id, { ms: t.criticalMs, hops: from.hops + 1, tail: { thoughtId: t.id, prev: from.tail } });
      }
      rt.record({ ...e, at: rt.now() });
    }
    const passedOn = new Set<string>(this.arrived.map((a) => a.id));
    for (const call of kept.calls) {
      const from = latestCp(call.inputIds.flatMap((id) => (cps.has(id) ? [{ id, key: [], ann: UNANNOTATED, cp: cps.get(id) as CriticalPoint }] : [])));
      const end: CriticalPoint = { ms: from.ms + call.ms, hops: from.hops + 1, tail: from.tail };
      for (const id of call.inputIds) if (passedOn.has(id)) cps.set(id, laterCp(end, cps.get(id)));
    }
    const waitedForAll = latestCp(this.arrived);
    for (const o of kept.outputs) {
      const ann = { score: o.score, scored: o.scored, valid: o.valid, validated: o.validated, solved: o.solved, compared: o.compared };
      const cp = passedOn.has(o.id) && !this.streams ? laterCp(waitedForAll, cps.get(o.id)) : (cps.get(o.id) ?? waitedForAll);
      this.output({ id: o.id, key: [this.outputs.length], ann, cp });
    }
    this.finish('done');
  }

  private async execute(): Promise<void> {
    try {
      const hold = this.beforeOperation?.(this.op.id);
      if (hold) await this.runtime.guard(hold);
      this.runtime.throwIfStopped();
      this.startedAt = this.runtime.now();
      this.runtime.emit('operation.start', { opId: this.op.id });
      const execute = operationRegistry[this.op.type].execute as unknown as OperationExecutor<OperationType>;
      await execute(this);
      if (this.sawStop) throw new RunStopped();
      this.finish('done');
    } catch (err) {
      if (err instanceof RunStopped || this.runtime.stopInfo) return this.finish('cancelled');
      this.error = errorText(err);
      this.runtime.emit('log', { level: 'error', message: this.error, opId: this.op.id });
      this.finish('failed');
    }
  }

  /** Ends the operation with its outputs in canonical order, then tells its successors. */
  finish(status: 'done' | 'failed' | 'skipped' | 'cancelled'): void {
    if (this.status !== 'waiting' && this.status !== 'running') return;
    const outputs = this.outputs.sort((a, b) => compareKeys(a.key, b.key));
    let error = this.error ?? undefined;
    if (status === 'done' && this.problems.length > 0) {
      if (outputs.length === 0) status = 'failed';
      const more = this.problems.length > 1 ? ` (and ${this.problems.length - 1} more)` : '';
      error = `${this.problems[0]}${more}`;
      this.error = error;
    }
    this.status = status;
    const totals = this.runtime.grs.operations[this.op.id]?.totals ?? zeroTotals();
    this.runtime.emit('operation.done', {
      opId: this.op.id,
      status,
      outputs: outputs.map(outputRecord),
      totals,
      ms: this.startedAt ? this.runtime.now() - this.startedAt : 0,
      ...(error !== undefined ? { error } : {}),
    });
    this.onFinished(this);
    if (status !== 'cancelled') for (const s of this.successors) s.run.inputFinished();
  }

  // ---- OperationContext ----

  async forEachInput(handler: (item: FlowItem) => Promise<void>): Promise<void> {
    this.handler = handler;
    for (const item of this.arrived) this.spawn(item, handler);
    try {
      await this.waitForInputs();
    } finally {
      // Not guarded: every wait inside a handler is, so they settle at once after a stop.
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
    }
    if (this.sawStop) throw new RunStopped();
  }

  private spawn(item: FlowItem, handler: (item: FlowItem) => Promise<void>): void {
    this.running += 1;
    let handled: Promise<void>;
    try {
      handled = handler(item);
    } catch (err) {
      handled = Promise.reject(err);
    }
    // Plain callbacks rather than an async wrapper: this runs once per thought, on the critical path.
    handled.then(this.handlerDone, (err: unknown) => {
      if (err instanceof RunStopped || this.runtime.stopInfo) this.sawStop = true;
      else this.problem(errorText(err), 'error', item.id);
      this.handlerDone();
    });
  }

  private readonly handlerDone = (): void => {
    this.running -= 1;
    if (this.running === 0 && this.drained) {
      const done = this.drained;
      this.drained = null;
      done();
    }
  };

  /**
   * Resolves once every input is in. After a stop, predecessors still running get to unwind
   * first: if they all finished their work the inputs are complete, else this rejects with RunStopped.
   */
  private waitForInputs(): Promise<void> {
    if (this.inputsAreComplete) return Promise.resolve();
    const settle = (resolve: () => void, reject: (e: Error) => void): void => {
      const running = this.predecessors.flatMap((p) => (p.status === 'running' && p.execution ? [p.execution] : []));
      void Promise.allSettled(running).then(() => (this.inputsAreComplete ? resolve() : reject(new RunStopped())));
    };
    if (this.runtime.stopInfo) return new Promise<void>(settle);
    return new Promise<void>((resolve, reject) => {
      const off = this.runtime.onStop(() => settle(resolve, reject));
      void this.inputsComplete.then(() => {
        off();
        resolve();
      });
    });
  }

  async allInputs(): Promise<FlowItem[]> {
    await this.waitForInputs();
    return [...this.arrived].sort((a, b) => compareKeys(a.key, b.key));
  }

  thought(item: FlowItem): Thought {
    const t = this.runtime.grs.thoughts[item.id];
    if (!t) throw new Error(`unknown thought ${item.id}`);
    return t;
  }

  view(item: FlowItem): ThoughtView {
    const t = this.thought(item);
    const a = item.ann;
    const v: ThoughtView = { id: t.id, state: t.state, score: a.score, scored: a.scored, valid: a.valid, validated: a.validated, solved: a.solved, compared: a.compared };
    if (t.parseError) v.parseError = t.parseError;
    return v;
  }

  call(spec: CallSpec) {
    return this.runtime.call(this.op.id, spec, (message) => this.problem(message, 'error'));
  }

  create(nt: NewThought): FlowItem {
    const rt = this.runtime;
    const id = thoughtId(`${this.op.id}/${nt.tag}`);
    const parents: ThoughtId[] = nt.parents.map((p) => p.id);
    let latency = 0;
    for (const p of parents) latency = Math.max(latency, rt.grs.thoughts[p]?.latency ?? 0);
    const share = 1 / Math.max(nt.call.texts.length, 1) / nt.parts;
    // The spread comes first: V8 clones a leading spread fast (a trailing one takes the generic path).
    const thought: Thought = {
      ...UNANNOTATED,
      id,
      kind: 'llm',
      opId: this.op.id,
      parents,
      state: nt.state,
      origin: { callId: nt.call.callId, completion: nt.completion, part: nt.part },
      volume: rt.lineage.add(id, parents, true),
      latency: latency + 1,
      ms: nt.call.ms,
      finishedAt: rt.now(),
      promptTokens: nt.call.promptTokens * share,
      completionTokens: nt.call.completionTokens * share,
      cost: nt.call.cost * share,
      criticalMs: nt.call.cp.ms,
    };
    if (nt.parseError) thought.parseError = nt.parseError;
    rt.record({ type: 'thought.created', at: thought.finishedAt, thought });
    return { id, key: nt.key, ann: UNANNOTATED, cp: { ms: nt.call.cp.ms, hops: nt.call.cp.hops, tail: { thoughtId: id, prev: nt.call.cp.tail } } };
  }

  annotate(item: FlowItem, ann: Partial<ThoughtAnnotations>, cp?: CriticalPoint): FlowItem {
    const rt = this.runtime;
    rt.record({ type: 'thought.annotated', at: rt.now(), thoughtId: item.id, opId: this.op.id, ...ann });
    return { id: item.id, key: item.key, ann: mergeAnnotations(item.ann, ann), cp: cp ?? item.cp };
  }

  prune(item: FlowItem, reason: string): void {
    const rt = this.runtime;
    rt.record({ type: 'thought.pruned', at: rt.now(), thoughtId: item.id, opId: this.op.id, reason });
  }

  output(item: FlowItem): void {
    this.outputs.push(item);
    this.runtime.noteCritical(item.cp);
    for (const s of this.successors) s.run.deliver(item, s.index);
  }

  problem(message: string, level: 'warn' | 'error', thoughtId?: ThoughtId): void {
    this.runtime.emit('log', { level, message, opId: this.op.id, ...(thoughtId ? { thoughtId } : {}) });
    if (level === 'error') this.problems.push(message);
  }

  latest(items: readonly FlowItem[]): CriticalPoint {
    return latestCp(items);
  }
}
