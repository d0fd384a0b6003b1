import type { GotDocument } from '../graph/document';
import { runId as toRunId, type OperationId, type RunId, type ThoughtId } from '../graph/ids';
import type { ThoughtState } from '../graph/specs';
import { rebuildGrs } from '../grs/reduce';
import type { Thought } from '../grs/thought';
import type { RunEvent } from './events';
import type { KeptOperation, RunReuse } from './forkReuse';
import type { RunResult } from './options';
import { resultOf } from './runGraph';
import { startRun, type RunHandle, type StartRunOptions } from './runHandle';

/** What changed since a run: what a fork of it runs again. */
export type ForkChange =
  /** Run this operation and everything downstream of it again; the rest is kept. */
  | { kind: 'rerun-from'; opId: OperationId }
  /** A thought gets a new state; the operations downstream of the one that made it run again. */
  | { kind: 'edit-thought'; thoughtId: ThoughtId; state: ThoughtState }
  /** The graph was edited (e.g. one operation's parameters): the changed operations and their descendants run again. */
  | { kind: 'edit-document'; document: GotDocument; rerunFrom?: readonly OperationId[] };

/** A fork, worked out: the graph and input it runs, the operations it runs again, and what it carries over. */
export interface ForkPlan {
  document: GotDocument;
  input: ThoughtState;
  /** Operations that run again, in document order. */
  rerun: OperationId[];
  reuse: RunReuse;
  /** The forked run's seed, so the new calls sample as a fresh run of the same settings would. */
  seed: number;
}

/** Operation ids downstream of `from` (included) in a document. */
export function descendantsOf(document: GotDocument, from: Iterable<string>): Set<string> {
  const out = new Set<string>(from);
  const successors = new Map<string, string[]>();
  for (const op of document.operations) for (const i of op.inputs) successors.set(i, [...(successors.get(i) ?? []), op.id]);
  const queue = [...out];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const s of successors.get(id) ?? []) {
      if (!out.has(s)) {
        out.add(s);
        queue.push(s);
      }
    }
  }
  return out;
}

const nodeKey = (op: GotDocument['operations'][number]): string => JSON.stringify({ type: op.type, inputs: op.inputs, params: op.params });

/**
 * Works out a fork of a finished run (its event log) for a change: the operations to run again
 * are the changed ones and their descendants, plus any that did not finish in the original
 * (and theirs); every other operation is kept with its thoughts, ids and metrics.
 */
export function planFork(original: readonly RunEvent[], change: ForkChange): ForkPlan {
  const grs = rebuildGrs(original);
  if (!grs.document || !grs.input || !grs.runId) throw new Error('the run to fork has no run.start event');
  const before = grs.document;
  const document = change.kind === 'edit-document' ? change.document : before;
  const changed = new Set<string>();
  // A run on a dataset row keeps that row as its input unless the graph's own input was edited.
  const inputChanged = change.kind === 'edit-document' && JSON.stringify(document.input) !== JSON.stringify(before.input);
  if (change.kind === 'rerun-from') {
    if (!document.operations.some((o) => o.id === change.opId)) throw new Error(`no operation ${change.opId} in the graph`);
    changed.add(change.opId);
  } else if (change.kind === 'edit-thought') {
    const t = grs.thoughts[change.thoughtId];
    if (!t) throw new Error(`no thought ${change.thoughtId} in the run`);
    // Editing the input is a new run of everything.
    if (t.opId === null) for (const op of document.operations) changed.add(op.id);
    else for (const op of document.operations) if (op.inputs.includes(t.opId)) changed.add(op.id);
  } else {
    const old = new Map(before.operations.map((o) => [o.id as string, nodeKey(o)]));
    for (const op of document.operations) if (inputChanged || old.get(op.id) !== nodeKey(op)) changed.add(op.id);
    for (const id of change.rerunFrom ?? []) {
      if (!document.operations.some((o) => o.id === id)) throw new Error(`no operation ${id} in the graph`);
      changed.add(id);
    }
  }
  for (const op of document.operations) if (grs.operations[op.id]?.status !== 'done') changed.add(op.id);
  const rerunSet = descendantsOf(document, changed);
  const rerun = document.operations.filter((o) => rerunSet.has(o.id)).map((o) => o.id as OperationId);
  const fromRunId = grs.runId;
  const edited = change.kind === 'edit-thought' ? change.thoughtId : null;
  const carry = (t: Thought): Thought => ({ ...t, ...(edited === t.id && change.kind === 'edit-thought' ? { state: change.state } : {}), carried: { fromRunId, edited: edited === t.id } });
  const operations: Partial<Record<OperationId, KeptOperation>> = {};
  for (const op of document.operations) {
    if (rerunSet.has(op.id)) continue;
    operations[op.id as OperationId] = { events: [], calls: [], outputs: grs.operations[op.id]?.outputs ?? [] };
  }
  for (const e of original) {
    if (e.type === 'thought.created') {
      const kept = e.thought.opId ? operations[e.thought.opId] : undefined;
      const t = carry(e.thought);
      if (t.parseError && edited === t.id) delete t.parseError;
      kept?.events.push({ ...e, thought: t });
    } else if (e.type === 'thought.annotated' || e.type === 'thought.pruned') {
      operations[e.opId]?.events.push(e);
    } else if (e.type === 'call.start') {
      const call = grs.calls[e.callId];
      if (call?.ms != null) operations[e.opId]?.calls.push({ inputIds: e.inputIds, ms: call.ms });
    }
  }
  const input = change.kind === 'edit-thought' && grs.thoughts[change.thoughtId]?.opId === null ? change.state : inputChanged ? document.input : grs.input;
  return { document, input, rerun, reuse: { fromRunId, rerun, operations }, seed: grs.settings?.seed ?? 0 };
}

/** Starts a fork of a finished run (its event log): the kept operations finish at once with their original thoughts, the rest run on `options.model`. */
export function startFork(original: readonly RunEvent[], change: ForkChange, options: Omit<StartRunOptions, 'input' | 'reuse'>): RunHandle {
  const plan = planFork(original, change);
  return startRun(plan.document, { seed: plan.seed, ...options, input: plan.input, reuse: plan.reuse, runId: options.runId ?? forkRunId(plan.reuse.fromRunId) });
}

/** startFork, resolved with the fork's summary, events and GRS. */
export function runFork(original: readonly RunEvent[], change: ForkChange, options: Omit<StartRunOptions, 'input' | 'reuse'>): Promise<RunResult> {
  return resultOf(startFork(original, change, options));
}

const forkRunId = (from: RunId): RunId => toRunId(`${from}-fork-${Math.random().toString(36).slice(2, 8)}`);
