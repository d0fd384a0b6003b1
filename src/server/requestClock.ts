// A served model's simulated time counts from when the server read the request, not from when the
// model got to it: a burst of concurrent requests is read first and their answers are worked out
// during their waits, so one request's work never delays the next one's arrival or its answer.
import { timerSleep } from '../engine/index';

/** Where each request's simulated clock stands (by the signal its answer is made under). */
const clocks = new WeakMap<AbortSignal, number>();

/** Starts a request's clock at the moment it was read (performance.now, ms). */
export function startRequestClock(signal: AbortSignal, readAt: number): void {
  clocks.set(signal, readAt);
}

/**
 * A model `sleep` on the request's clock: it ends `ms` after the clock's current reading and moves
 * the clock there, so work done before it overlaps the wait. Without a clock it is a plain timer.
 */
export function requestClockSleep(ms: number, signal?: AbortSignal): Promise<void> {
  const from = signal ? clocks.get(signal) : undefined;
  if (signal === undefined || from === undefined) return timerSleep(ms, signal);
  const until = from + ms;
  clocks.set(signal, until);
  return timerSleep(Math.max(0, until - performance.now()), signal);
}
