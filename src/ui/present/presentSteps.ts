import type { OperationId, RunEvent } from '../../engine/index';

/** Timeline positions (counts of events applied) just after an operation finished, in order. */
export function operationEnds(events: readonly RunEvent[]): number[] {
  const ends: number[] = [];
  events.forEach((e, i) => {
    if (e.type === 'operation.done') ends.push(i + 1);
  });
  return ends;
}

/**
 * Where ← / → go from `index` (null = the end, following the run): to the moment after the
 * previous or next operation finished. The last operation's own moment is the end (null): it
 * looks the same, so back from the end goes to the one before it.
 */
export function stepOperation(events: readonly RunEvent[], index: number | null, direction: 1 | -1): number | null {
  const ends = operationEnds(events);
  const at = index ?? events.length;
  if (direction > 0) {
    const next = ends.find((e) => e > at);
    // After the last operation the run looks as it does at its end: go there.
    return next === undefined || next === ends[ends.length - 1] ? null : next;
  }
  // The operation on screen is the last one finished at or before `at`; back goes to the one before it.
  const shown = [...ends].reverse().find((e) => e <= at);
  const before = [...ends].reverse().find((e) => e < (shown ?? 0));
  return before ?? 0;
}

/** What the caption is about: the operation that ran last (or runs now), and the one a step would start. */
export interface PresentFocus {
  current: { opId: OperationId; state: 'running' | 'done' } | null;
  next: OperationId | null;
  /** Operations finished so far, for "3 of 16". */
  finished: number;
}

/**
 * The caption's subject in the run as the views show it (`events` up to the viewed moment): an
 * operation running now, else the last one that finished; `held` is the operation step mode holds.
 * Looking back at a moment after an operation finished, that operation is the subject even when
 * the next one had already started.
 */
export function presentFocus(events: readonly RunEvent[], held: OperationId | null, lookingBack = false): PresentFocus {
  const running = new Set<OperationId>();
  let last: OperationId | null = null;
  let finished = 0;
  for (const e of events) {
    if (e.type === 'run.start') {
      running.clear();
      last = null;
      finished = 0;
    } else if (e.type === 'operation.start') running.add(e.opId);
    else if (e.type === 'operation.done') {
      running.delete(e.opId);
      last = e.opId;
      finished += 1;
    }
  }
  const first = [...running][0];
  const done = last ? { opId: last, state: 'done' as const } : null;
  const active = first !== undefined ? { opId: first, state: 'running' as const } : null;
  const current = lookingBack ? (done ?? active) : (active ?? done);
  return { current, next: held, finished };
}
