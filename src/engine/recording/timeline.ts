import { createGrs } from '../grs/state';
import { applyEventInPlace } from '../grs/reduce';
import type { GrsState } from '../grs/state';
import type { RunEvent } from '../run/events';

/**
 * The state after the first `index` events of a log, from a snapshot taken every `every` events
 * and the events since: scrubbing a long run costs at most `every` reductions per position. The
 * log may grow (a live run appends to it); snapshots of its prefix stay valid.
 */
export interface EventTimeline<S> {
  at(index: number): S;
}

export interface TimelineOptions<S> {
  initial: () => S;
  /** Applies a batch of events and returns a NEW state (the one given is a snapshot: never modify it). */
  apply: (state: S, batch: readonly RunEvent[]) => S;
  /** Events between snapshots (default 256). */
  every?: number;
}

/** A snapshot-cached timeline over `events` (see EventTimeline). */
export function eventTimeline<S>(events: readonly RunEvent[], options: TimelineOptions<S>): EventTimeline<S> {
  const every = Math.max(1, options.every ?? 256);
  const snapshots: S[] = [options.initial()];
  return {
    at(index) {
      const i = Math.max(0, Math.min(Math.floor(index), events.length));
      const k = Math.floor(i / every);
      while (snapshots.length <= k) {
        const n = snapshots.length;
        snapshots.push(options.apply(snapshots[n - 1] as S, events.slice((n - 1) * every, n * every)));
      }
      const base = snapshots[k] as S;
      return i === k * every ? base : options.apply(base, events.slice(k * every, i));
    },
  };
}

/**
 * Applies a batch of events through the engine's reducer, copying each collection once for the
 * whole batch: the reducer replaces (never edits) the records it touches, so `state` stays intact.
 */
export function applyEventBatch(state: GrsState, batch: readonly RunEvent[]): GrsState {
  const next: GrsState = {
    ...state,
    thoughtOrder: [...state.thoughtOrder],
    thoughts: { ...state.thoughts },
    operations: { ...state.operations },
    callOrder: [...state.callOrder],
    calls: { ...state.calls },
    logs: [...state.logs],
  };
  for (const e of batch) applyEventInPlace(next, e);
  return next;
}

/** The GRS after any number of events of a log, by the engine's reducer with snapshots. */
export function grsTimeline(events: readonly RunEvent[], every?: number): EventTimeline<GrsState> {
  return eventTimeline(events, { initial: createGrs, apply: applyEventBatch, ...(every === undefined ? {} : { every }) });
}

/** What one step moves over: one event, or to the next (previous) operation starting or finishing. */
export type StepUnit = 'event' | 'operation';

const isOperationEdge = (e: RunEvent | undefined): boolean => e?.type === 'operation.start' || e?.type === 'operation.done';

/**
 * The timeline position one step from `index` (a count of events applied), forward (+1) or back
 * (-1). By operation, it lands just after an operation started or finished (or at an end).
 */
export function stepIndex(events: readonly RunEvent[], index: number, direction: 1 | -1, unit: StepUnit): number {
  const n = events.length;
  const from = Math.max(0, Math.min(index, n));
  if (unit === 'event') return Math.max(0, Math.min(n, from + direction));
  if (direction > 0) {
    for (let i = from + 1; i <= n; i++) if (isOperationEdge(events[i - 1])) return i;
    return n;
  }
  for (let i = from - 1; i > 0; i--) if (isOperationEdge(events[i - 1])) return i;
  return 0;
}
