import { timerSleep } from '../models/scripted';
import type { RunEvent } from '../run/events';

export interface PlayOptions {
  /** 1 = real time, 2 = twice as fast; Infinity = instantly. */
  speed: number;
  /** Receives the events that are due, in order, in batches. */
  onEvents: (batch: readonly RunEvent[]) => void;
  signal?: AbortSignal;
  /** Milliseconds clock (default performance.now). */
  clock?: () => number;
  /** How to wait (default a timer); must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Start after this many events (they are sent at once first), e.g. to resume from a timeline position. */
  from?: number;
}

/** Events sent per batch when playing instantly, with a yield between batches so a UI stays responsive. */
const INSTANT_BATCH = 2000;

/**
 * Plays a recorded event log back on its own clock: each event is handed over when `at / speed`
 * milliseconds have passed (instantly: all of them, in large batches). The events are the
 * recording's own, untouched, so whatever reduces them (rebuildGrs, the app, exportRun) gets exactly
 * the original GRS, figures and report. Resolves when the last event was sent; a stop rejects.
 */
export async function playEvents(events: readonly RunEvent[], options: PlayOptions): Promise<void> {
  const speed = options.speed > 0 ? options.speed : 1;
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? timerSleep;
  let i = Math.max(0, Math.min(options.from ?? 0, events.length));
  if (i > 0) options.onEvents(events.slice(0, i));
  const offset = i > 0 ? (events[i - 1]?.at ?? 0) : 0;
  const t0 = clock();
  while (i < events.length) {
    options.signal?.throwIfAborted();
    let end = i;
    if (!Number.isFinite(speed)) end = Math.min(events.length, i + INSTANT_BATCH);
    else {
      const due = (clock() - t0) * speed + offset;
      while (end < events.length && (events[end] as RunEvent).at <= due) end++;
    }
    if (end > i) {
      options.onEvents(events.slice(i, end));
      i = end;
    }
    if (i >= events.length) break;
    const wait = Number.isFinite(speed) ? ((events[i] as RunEvent).at - offset) / speed - (clock() - t0) : 0;
    await sleep(Math.max(0, Math.min(wait, 1000)), options.signal);
  }
}
