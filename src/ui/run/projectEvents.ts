import { applyEventInPlace, createGrs, type GrsState, type RunEvent } from '../../engine/index';
import type { LiveRun, OpLive } from './liveTypes';
import { higherIsBetterOf, operationOrder } from './opOrder';

/** An empty run: nothing on screen yet. */
export function emptyLiveRun(): LiveRun {
  return { grs: createGrs(), events: [], eventCount: 0, streaming: [], failedCalls: [], ops: {}, opOrder: [], higherIsBetter: true };
}

const waitingOp = (): OpLive => ({
  status: 'waiting',
  startedAt: null,
  ms: null,
  thoughtsIn: 0,
  made: [],
  outputs: null,
  calls: [],
  runningCalls: 0,
  failedCalls: 0,
  bestScore: null,
  promptTokens: 0,
  completionTokens: 0,
  cost: 0,
  error: null,
});

type GrsCollection = 'thoughtOrder' | 'thoughts' | 'operations' | 'callOrder' | 'calls' | 'logs';
const ALL_COLLECTIONS: readonly GrsCollection[] = ['thoughtOrder', 'thoughts', 'operations', 'callOrder', 'calls', 'logs'];
/**
 * The collections the engine's reducer (applyEventInPlace) writes per event type. A batch copies only these,
 * so a frame of streamed tokens leaves thoughts and thoughtOrder (and every layout derived from them) untouched.
 * Event types not listed copy everything: safe for types added later.
 */
const WRITES: Partial<Record<RunEvent['type'], readonly GrsCollection[]>> = {
  'thought.input': ['thoughtOrder', 'thoughts'],
  'thought.created': ['thoughtOrder', 'thoughts'],
  'thought.annotated': ['thoughts'],
  'thought.pruned': ['thoughts'],
  'operation.start': ['operations'],
  'operation.done': ['operations', 'thoughts'],
  'call.start': ['callOrder', 'calls'],
  'call.token': ['calls'],
  'call.retry': ['calls'],
  'call.done': ['calls', 'operations'],
  'call.error': ['calls'],
  log: ['logs'],
  'run.done': [],
};

/** Copies, once per batch, the GRS collections `ev` is about to write; the reducer then replaces (never edits) the records it touches. */
function copyWritten(grs: GrsState, ev: RunEvent, copied: Set<GrsCollection>): void {
  for (const key of WRITES[ev.type] ?? ALL_COLLECTIONS) {
    if (copied.has(key)) continue;
    copied.add(key);
    // Arrays and records alike: a shallow copy under the same key.
    (grs as Record<GrsCollection, unknown>)[key] = Array.isArray(grs[key]) ? [...grs[key]] : { ...grs[key] };
  }
}

const THOUGHT_MAKING = new Set(['generate', 'aggregate', 'improve']);

/**
 * Applies a batch of events (one animation frame's worth): the GRS through the engine's reducer,
 * then the operation figures. Collections and records touched in the batch are copied once; the rest keep their identity.
 */
export function applyEvents(prev: LiveRun, batch: readonly RunEvent[]): LiveRun {
  if (batch.length === 0) return prev;
  const run: LiveRun = { ...prev, grs: { ...prev.grs } };
  const grsCopied = new Set<GrsCollection>();
  let opsCopied = false;
  const copied = new Set<string>();
  const op = (id: string): OpLive => {
    if (!opsCopied) {
      run.ops = { ...run.ops };
      opsCopied = true;
    }
    if (!copied.has(id)) {
      run.ops[id] = { ...(run.ops[id] ?? waitingOp()) };
      copied.add(id);
    }
    return run.ops[id] as OpLive;
  };
  let flowChanged = false;
  let streamingChanged = false;
  const streaming = new Set(run.streaming);

  for (const ev of batch) {
    if (ev.type === 'run.start') {
      const order = operationOrder(ev.document);
      Object.assign(run, emptyLiveRun(), { grs: createGrs(), opOrder: order.order, higherIsBetter: higherIsBetterOf(ev.document) });
      run.ops = Object.fromEntries(order.order.map((id) => [id, waitingOp()]));
      opsCopied = true;
      copied.clear();
      for (const id of order.order) copied.add(id);
      streaming.clear();
      streamingChanged = true;
    }
    copyWritten(run.grs, ev, grsCopied);
    applyEventInPlace(run.grs, ev);
    run.events.push(ev);
    switch (ev.type) {
      case 'operation.start': {
        const o = op(ev.opId);
        o.status = 'running';
        o.startedAt = ev.at;
        flowChanged = true;
        break;
      }
      case 'call.start': {
        const o = op(ev.opId);
        o.calls = [...o.calls, ev.callId];
        o.runningCalls += 1;
        if (THOUGHT_MAKING.has(ev.purpose)) {
          streaming.add(ev.callId);
          streamingChanged = true;
        }
        break;
      }
      case 'call.done': {
        const c = run.grs.calls[ev.callId];
        if (c) {
          const o = op(c.opId);
          o.runningCalls = Math.max(0, o.runningCalls - 1);
          o.promptTokens += ev.promptTokens;
          o.completionTokens += ev.completionTokens;
          o.cost += ev.cost;
        }
        streamingChanged = streaming.delete(ev.callId) || streamingChanged;
        break;
      }
      case 'call.error': {
        const o = op(ev.opId);
        o.runningCalls = Math.max(0, o.runningCalls - 1);
        o.failedCalls += 1;
        o.error = ev.message;
        if (streaming.has(ev.callId) && ev.kind !== 'aborted') run.failedCalls = [...run.failedCalls, ev.callId];
        streamingChanged = streaming.delete(ev.callId) || streamingChanged;
        break;
      }
      case 'thought.created':
        if (ev.thought.opId) {
          const o = op(ev.thought.opId);
          o.made = [...o.made, ev.thought.id];
          flowChanged = true;
        }
        break;
      case 'thought.annotated':
        if (typeof ev.score === 'number') {
          const o = op(ev.opId);
          o.bestScore = better(o.bestScore, ev.score, run.higherIsBetter);
        }
        break;
      case 'operation.done': {
        const o = op(ev.opId);
        o.status = ev.status;
        o.ms = ev.ms;
        o.outputs = ev.outputs.map((x) => x.id);
        o.promptTokens = ev.totals.promptTokens;
        o.completionTokens = ev.totals.completionTokens;
        o.cost = ev.totals.cost;
        if (ev.error) o.error = ev.error;
        let best: number | null = null;
        for (const x of ev.outputs) if (x.scored && x.score !== null) best = better(best, x.score, run.higherIsBetter);
        if (best !== null) o.bestScore = best;
        flowChanged = true;
        break;
      }
      case 'run.done':
        streaming.clear();
        streamingChanged = true;
        for (const [id, o] of Object.entries(run.ops)) {
          if (o.status === 'waiting' || o.status === 'running') {
            const next = op(id);
            next.status = ev.summary.status === 'cancelled' ? 'cancelled' : 'skipped';
            next.runningCalls = 0;
          }
        }
        break;
      default:
        break;
    }
  }

  if (streamingChanged) run.streaming = [...streaming];
  if (flowChanged) refreshInputs(run, op);
  for (const [id, o] of Object.entries(run.ops)) {
    if (o.status === 'running' && o.startedAt !== null) op(id).ms = run.grs.at - o.startedAt;
  }
  run.eventCount = run.events.length;
  return run;
}

/** The same projection rebuilt from a whole event log (a run reopened from history). */
export function liveRunFromEvents(events: readonly RunEvent[]): LiveRun {
  return applyEvents(emptyLiveRun(), events);
}

/** How many thoughts an operation passes on: its outputs once done, else what it has made so far. */
export function thoughtsOut(o: OpLive): number {
  return o.outputs ? o.outputs.length : o.made.length;
}

function refreshInputs(run: LiveRun, op: (id: string) => OpLive) {
  const doc = run.grs.document;
  if (!doc) return;
  for (const node of doc.operations) {
    const cur = run.ops[node.id];
    if (!cur || cur.status === 'waiting') continue;
    const inCount = node.inputs.length === 0 ? 1 : node.inputs.reduce((n, from) => n + (run.ops[from] ? thoughtsOut(run.ops[from]) : 0), 0);
    if (cur.thoughtsIn !== inCount) op(node.id).thoughtsIn = inCount;
  }
}

function better(a: number | null, b: number, higherIsBetter: boolean): number {
  if (a === null) return b;
  return higherIsBetter ? Math.max(a, b) : Math.min(a, b);
}
