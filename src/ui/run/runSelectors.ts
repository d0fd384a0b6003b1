import { operationOrder, type CallId, type GotDocument, type GrsState, type OperationId, type OperationRunState, type ThoughtId } from '../../engine/index';
import { higherIsBetterOf } from './opOrder';

/**
 * What the run view shows of one operation: the engine's OperationRunState plus figures derived
 * from the GRS (never stored: selectors compute them, memoised on the GRS records they read).
 */
export interface OpFigures extends OperationRunState {
  /** Thoughts it received (1 for a root: the input). */
  thoughtsIn: number;
  /** Thoughts it passes on: its outputs once finished, else what it made so far. */
  thoughtsOut: number;
  /** Its output thoughts' ids once finished (null before). */
  outputIds: readonly ThoughtId[] | null;
  /** Thoughts it made (LLM operations), in creation order. */
  made: readonly ThoughtId[];
  calls: readonly CallId[];
  runningCalls: number;
  failedCalls: number;
  /** Best score among its outputs (once finished) or the thoughts it made, by the graph's direction. */
  bestScore: number | null;
  /** Elapsed milliseconds: so far while running, in all once finished. */
  ms: number | null;
}

const THOUGHT_MAKING = new Set(['generate', 'aggregate', 'improve']);
const NONE: readonly never[] = Object.freeze([]);

function memo<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      cache.set(key, v);
    }
    return v;
  };
}

/** The same array as `prev` when the ids are the same, so a store selector keeps its identity. */
const same = <T>(prev: readonly T[] | undefined, next: readonly T[]): readonly T[] =>
  prev && prev.length === next.length && prev.every((x, i) => x === next[i]) ? prev : next;

const orderOf = memo((doc: GotDocument): readonly OperationId[] => operationOrder(doc, { keepCycles: true }).map((o) => o.id as OperationId));
const higherOf = memo((doc: GotDocument): boolean => higherIsBetterOf(doc));

/** The run's operations in dataflow order (any on a cycle last, in document order). */
export const selectOpOrder = (grs: GrsState): readonly OperationId[] => (grs.document ? orderOf(grs.document) : NONE);

/** Whether higher scores are better in this run, by the engine's rule. */
export const selectHigherIsBetter = (grs: GrsState): boolean => (grs.document ? higherOf(grs.document) : true);

const lastStreaming = new WeakMap<readonly CallId[], readonly CallId[]>();
const lastFailed = new WeakMap<readonly CallId[], readonly CallId[]>();

const streamingIn = memo((calls: GrsState['calls']): readonly CallId[] =>
  Object.values(calls).flatMap((c) => (c.status === 'running' && THOUGHT_MAKING.has(c.purpose) ? [c.id] : [])),
);
const failedIn = memo((calls: GrsState['calls']): readonly CallId[] =>
  Object.values(calls).flatMap((c) => (c.status === 'error' && c.error?.kind !== 'aborted' && THOUGHT_MAKING.has(c.purpose) ? [c.id] : [])),
);

/** Thought-making calls still producing text (their thoughts do not exist yet: pending cards); the same array while the ids stay the same. */
export function selectStreaming(grs: GrsState): readonly CallId[] {
  const next = same(lastStreaming.get(grs.callOrder), streamingIn(grs.calls));
  lastStreaming.set(grs.callOrder, next);
  return next;
}

/** Thought-making calls that failed for good (not cut by a cancel): error cards where their thoughts would be. */
export function selectFailedCalls(grs: GrsState): readonly CallId[] {
  const next = same(lastFailed.get(grs.callOrder), failedIn(grs.calls));
  lastFailed.set(grs.callOrder, next);
  return next;
}

/** Thoughts each operation made, in creation order (a record's keys keep their insertion order). */
const madeByOp = memo((thoughts: GrsState['thoughts']) => {
  const m = new Map<string, ThoughtId[]>();
  for (const t of Object.values(thoughts)) {
    if (!t.opId) continue;
    const list = m.get(t.opId);
    if (list) list.push(t.id);
    else m.set(t.opId, [t.id]);
  }
  return m;
});

/** Each operation's calls, running and failed counts. */
const callsByOp = memo((calls: GrsState['calls']) => {
  const m = new Map<string, { ids: CallId[]; running: number; failed: number }>();
  for (const c of Object.values(calls)) {
    let entry = m.get(c.opId);
    if (!entry) m.set(c.opId, (entry = { ids: [], running: 0, failed: 0 }));
    entry.ids.push(c.id);
    if (c.status === 'running') entry.running += 1;
    if (c.status === 'error') entry.failed += 1;
  }
  return m;
});

const finished = (s: OperationRunState['status']) => s !== 'waiting' && s !== 'running';

function thoughtsOutOf(grs: GrsState, opId: string): number {
  const op = grs.operations[opId];
  if (!op) return 0;
  return finished(op.status) ? op.outputs.length : (madeByOp(grs.thoughts).get(opId)?.length ?? 0);
}

/**
 * A finished operation whose model answers all failed to parse: how many it made (0 when any answer
 * was read, or while it runs). Its node says so instead of a plain "done" with nothing out.
 */
export function selectUnreadable(grs: GrsState, opId: string): number {
  const op = grs.operations[opId];
  if (!op || op.status !== 'done') return 0;
  const made = madeByOp(grs.thoughts).get(opId) ?? NONE;
  return made.length > 0 && made.every((id) => grs.thoughts[id]?.parseError !== undefined) ? made.length : 0;
}

/** Per operation, the previous figures: reused while every input of them is unchanged. */
const previous = new WeakMap<GotDocument, Map<string, { key: unknown[]; figures: OpFigures }>>();

/** One operation's figures in this GRS; the same object as before while nothing it shows changed. */
export function selectOpFigures(grs: GrsState, opId: string): OpFigures | undefined {
  const op = grs.operations[opId];
  const doc = grs.document;
  if (!op || !doc) return undefined;
  const node = doc.operations.find((o) => o.id === opId);
  const made: readonly ThoughtId[] = madeByOp(grs.thoughts).get(opId) ?? NONE;
  const calls = callsByOp(grs.calls).get(opId);
  const thoughtsIn = op.status === 'waiting' ? 0 : !node || node.inputs.length === 0 ? 1 : node.inputs.reduce((n, from) => n + thoughtsOutOf(grs, from), 0);
  const ms = op.startedAt === null ? null : (op.finishedAt ?? grs.at) - op.startedAt;
  const higher = selectHigherIsBetter(grs);
  let bestScore: number | null = null;
  const scored = finished(op.status) ? op.outputs : made.map((id) => grs.thoughts[id]).filter((t) => t !== undefined);
  for (const t of scored) if (t.scored && t.score !== null) bestScore = bestScore === null ? t.score : higher ? Math.max(bestScore, t.score) : Math.min(bestScore, t.score);
  const key = [op, made.length, calls?.ids.length ?? 0, calls?.running ?? 0, calls?.failed ?? 0, thoughtsIn, ms, bestScore];
  let byOp = previous.get(doc);
  if (!byOp) previous.set(doc, (byOp = new Map()));
  const prev = byOp.get(opId);
  if (prev && prev.key.every((k, i) => k === key[i])) return prev.figures;
  const figures: OpFigures = {
    ...op,
    thoughtsIn,
    thoughtsOut: finished(op.status) ? op.outputs.length : made.length,
    outputIds: finished(op.status) ? op.outputs.map((x) => x.id) : null,
    made,
    calls: calls?.ids ?? NONE,
    runningCalls: calls?.running ?? 0,
    failedCalls: calls?.failed ?? 0,
    bestScore,
    ms,
  };
  byOp.set(opId, { key, figures });
  return figures;
}
