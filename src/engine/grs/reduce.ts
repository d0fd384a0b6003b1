import type { RunEvent, RunTotals } from '../run/events';
import type { OperationId, ThoughtId } from '../graph/ids';
import { createGrs, zeroTotals, type GrsState, type OperationRunState } from './state';
import { topologyOf } from './upstream';

export { createGrs } from './state';

export type GrsCollection = 'thoughts' | 'thoughtOrder' | 'operations' | 'calls' | 'callOrder' | 'logs';

/** The collections each event writes, so the immutable reducer copies only those. */
const touches: { [K in RunEvent['type']]: readonly GrsCollection[] } = {
  'run.start': [],
  'thought.input': ['thoughts', 'thoughtOrder'],
  'thought.created': ['thoughts', 'thoughtOrder'],
  'thought.annotated': ['thoughts'],
  'thought.pruned': ['thoughts'],
  'operation.start': ['operations'],
  'operation.done': ['operations', 'thoughts'],
  'call.start': ['calls', 'callOrder'],
  'call.token': ['calls'],
  'call.retry': ['calls'],
  'call.done': ['calls', 'operations'],
  'call.error': ['calls', 'operations'],
  log: ['logs'],
  'run.done': [],
};

const ALL: readonly GrsCollection[] = ['thoughts', 'thoughtOrder', 'operations', 'calls', 'callOrder', 'logs'];

/**
 * Applies a batch of events and returns a new state; `state` is not modified. Each collection the
 * batch writes is copied once, on its first write, and every record an event changes is replaced,
 * so what the batch did not touch keeps its identity (a UI store re-renders only what changed:
 * a frame of streamed tokens leaves `thoughts` and `thoughtOrder` as they were).
 */
export function applyEvents(state: GrsState, events: readonly RunEvent[]): GrsState {
  if (events.length === 0) return state;
  const draft: GrsState = { ...state };
  const copied = new Set<GrsCollection>();
  for (const e of events) {
    if (e.type === 'run.start') {
      // The run starts over with fresh collections: nothing left to copy.
      for (const c of ALL) copied.add(c);
    } else {
      for (const c of touches[e.type]) {
        if (copied.has(c)) continue;
        copied.add(c);
        if (c === 'thoughtOrder' || c === 'callOrder' || c === 'logs') (draft[c] as unknown[]) = [...draft[c]];
        else (draft[c] as Record<string, unknown>) = { ...draft[c] };
      }
    }
    applyEventInPlace(draft, e);
  }
  return draft;
}

/** Applies one event and returns a new state (applyEvents with a batch of one). */
export function applyEvent(state: GrsState, event: RunEvent): GrsState {
  return applyEvents(state, [event]);
}

/** Applies all events to a fresh state: the GRS of a recorded run at the point the events end. */
export function rebuildGrs(events: readonly RunEvent[]): GrsState {
  const state = createGrs();
  for (const e of events) applyEventInPlace(state, e);
  return state;
}

/**
 * A filter passed these thoughts on: remember it, and lift a drop made by a filter that is not
 * downstream of this one (e.g. the other Selectors of a split each drop the parts they do not take).
 */
function passOn(state: GrsState, opId: OperationId, outputs: ReadonlyArray<{ id: ThoughtId }>): void {
  const { upstream } = topologyOf(state.document as NonNullable<GrsState['document']>);
  // Replaced, not edited, so a copy of the state made before this event keeps its own record.
  const keptBy = { ...state.keptBy };
  state.keptBy = keptBy;
  for (const { id } of outputs) {
    keptBy[id] = [...(keptBy[id] ?? []), opId];
    const t = state.thoughts[id];
    if (t?.pruned && !upstream.get(t.pruned.opId)?.has(opId)) state.thoughts[id] = { ...t, pruned: null };
  }
}

const addTotals = (a: RunTotals, b: RunTotals): RunTotals => ({
  requests: a.requests + b.requests,
  completions: a.completions + b.completions,
  cacheHits: a.cacheHits + b.cacheHits,
  promptTokens: a.promptTokens + b.promptTokens,
  completionTokens: a.completionTokens + b.completionTokens,
  cost: a.cost + b.cost,
});

/**
 * Applies one event by MUTATING `state`'s collections (nested records are replaced, never
 * edited, so a shallow copy made earlier by applyEvent stays intact). Returns `state`. The
 * scheduler builds its own GRS with this, so a run's event log always rebuilds it exactly.
 */
export function applyEventInPlace(state: GrsState, e: RunEvent): GrsState {
  state.at = Math.max(state.at, e.at);
  switch (e.type) {
    case 'run.start': {
      Object.assign(state, createGrs(), { runId: e.runId, document: e.document, input: e.input, settings: e.settings, status: 'running', at: e.at });
      const ops: Record<string, OperationRunState> = {};
      for (const op of e.document.operations) ops[op.id] = { status: 'waiting', startedAt: null, finishedAt: null, outputs: [], totals: zeroTotals(), error: null };
      state.operations = ops;
      break;
    }
    case 'thought.input':
    case 'thought.created':
      if (!(e.thought.id in state.thoughts)) state.thoughtOrder.push(e.thought.id);
      state.thoughts[e.thought.id] = e.thought;
      break;
    case 'thought.annotated': {
      const t = state.thoughts[e.thoughtId];
      if (!t) break;
      const next = { ...t };
      if (e.score !== undefined) next.score = e.score;
      if (e.scored !== undefined) next.scored = e.scored;
      if (e.valid !== undefined) next.valid = e.valid;
      if (e.validated !== undefined) next.validated = e.validated;
      if (e.solved !== undefined) next.solved = e.solved;
      if (e.compared !== undefined) next.compared = e.compared;
      state.thoughts[e.thoughtId] = next;
      break;
    }
    case 'thought.pruned': {
      const t = state.thoughts[e.thoughtId];
      // A drop stands unless a filter on a parallel or later branch already passed the thought on.
      const up = state.document ? topologyOf(state.document).upstream.get(e.opId) : undefined;
      const kept = state.keptBy[e.thoughtId];
      const keptElsewhere = kept !== undefined && kept.some((k) => !up?.has(k));
      if (t && !keptElsewhere) {
        // Clone first, then set: V8 copies a plain spread fast, a spread followed by keys slowly.
        const next = { ...t };
        next.pruned = { opId: e.opId, reason: e.reason };
        state.thoughts[e.thoughtId] = next;
      }
      break;
    }
    case 'operation.start': {
      const op = state.operations[e.opId];
      if (op) state.operations[e.opId] = { ...op, status: 'running', startedAt: e.at };
      break;
    }
    case 'operation.done': {
      const op = state.operations[e.opId];
      if (op) state.operations[e.opId] = { ...op, status: e.status, finishedAt: e.at, outputs: e.outputs, totals: e.totals, error: e.error ?? null };
      if (state.document && topologyOf(state.document).filters.has(e.opId)) passOn(state, e.opId, e.outputs);
      break;
    }
    case 'call.start':
      state.callOrder.push(e.callId);
      state.calls[e.callId] = {
        id: e.callId,
        opId: e.opId,
        purpose: e.purpose,
        inputIds: e.inputIds,
        messages: e.messages,
        n: e.n,
        ...(e.seed !== undefined ? { seed: e.seed } : {}),
        status: 'running',
        startedAt: e.at,
        finishedAt: null,
        texts: [],
        promptTokens: 0,
        completionTokens: 0,
        cost: 0,
        ms: null,
        cached: false,
        requests: 0,
        retries: 0,
        error: null,
      };
      break;
    case 'call.token': {
      const c = state.calls[e.callId];
      if (!c) break;
      const texts = [...c.texts];
      while (texts.length <= e.index) texts.push('');
      texts[e.index] += e.delta;
      state.calls[e.callId] = { ...c, texts };
      break;
    }
    case 'call.retry': {
      const c = state.calls[e.callId];
      if (c) state.calls[e.callId] = { ...c, retries: c.retries + 1 };
      break;
    }
    case 'call.done': {
      const c = state.calls[e.callId];
      if (!c) break;
      state.calls[e.callId] = { ...c, status: 'done', finishedAt: e.at, texts: e.texts, promptTokens: e.promptTokens, completionTokens: e.completionTokens, cost: e.cost, ms: e.ms, cached: e.cached, requests: e.requests };
      const delta: RunTotals = { requests: e.requests, completions: e.texts.length, cacheHits: e.cached ? 1 : 0, promptTokens: e.promptTokens, completionTokens: e.completionTokens, cost: e.cost };
      state.totals = addTotals(state.totals, delta);
      const op = state.operations[c.opId];
      if (op) state.operations[c.opId] = { ...op, totals: addTotals(op.totals, delta) };
      break;
    }
    case 'call.error': {
      const c = state.calls[e.callId];
      if (!c) break;
      state.calls[e.callId] = { ...c, status: 'error', finishedAt: e.at, error: { kind: e.kind, message: e.message }, requests: e.requests ?? 0 };
      // Requests a failed call sent still count: the totals match what the server saw.
      if (!e.requests) break;
      const delta: RunTotals = { ...zeroTotals(), requests: e.requests };
      state.totals = addTotals(state.totals, delta);
      const op = state.operations[c.opId];
      if (op) state.operations[c.opId] = { ...op, totals: addTotals(op.totals, delta) };
      break;
    }
    case 'log':
      state.logs.push(e);
      break;
    case 'run.done':
      state.summary = e.summary;
      state.status = e.summary.status;
      break;
  }
  return state;
}
