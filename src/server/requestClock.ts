// A served model's simulated time counts from when the server read the request, not from when the
// model got to it: a burst of concurrent requests is read first and their answers are worked out
// during their waits, so one request's work never delays the next one's arrival or its answer.
import { ModelError, timerSleep } from '../engine/index';

/** Where each request's simulated clock stands (by the signal its answer is made under). */
const clocks = new WeakMap<AbortSignal, number>();

/** Starts a request's clock at the moment it was read (performance.now, ms). */
export function startRequestClock(signal: AbortSignal, readAt: number): void {
  clocks.set(signal, readAt);
}

/**
 * A model `sleep` on the request's clock: it ends `ms` after the clock's current reading (never
 * before) and moves the clock there, so work done before it overlaps the wait. Without a clock it
 * is a plain timer.
 */
export async function requestClockSleep(ms: number, signal?: AbortSignal): Promise<void> {
  const from = signal ? clocks.get(signal) : undefined;
  if (signal === undefined || from === undefined) return timerSleep(ms, signal);
  const until = from + ms;
  clocks.set(signal, until);
  // A timer counts from the event loop's cached clock and may fire up to a millisecond early: wait out the rest.
  for (let left = until - performance.now(); left > 0; left = until - performance.now()) {
    await (left >= 1 ? timerSleep(left, signal) : new Promise<void>((done) => setImmediate(done)));
  }
  if (signal.aborted) throw new ModelError('aborted', 'the call was cancelled');
}
