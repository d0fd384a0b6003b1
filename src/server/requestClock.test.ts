import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ModelError } from '../engine/index';
import { requestClockSleep, startRequestClock } from './requestClock';

/** Milliseconds of fake time until `work` settles. */
async function elapsed(work: Promise<void>): Promise<number> {
  const t0 = performance.now();
  let done = false;
  void work.finally(() => (done = true)).catch(() => undefined);
  for (let step = 0; step < 10_000 && !done; step++) await vi.advanceTimersByTimeAsync(1);
  return performance.now() - t0;
}

describe('the request clock', () => {
  // Fake timers move setTimeout and performance.now together: the waits are exact, whatever the machine's load.
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it('ends a wait its length after the request was read, so work done since then overlaps it', async () => {
    const signal = new AbortController().signal;
    startRequestClock(signal, performance.now());
    vi.advanceTimersByTime(60);
    expect(await elapsed(requestClockSleep(100, signal))).toBe(40);
  });

  it('moves on with each wait, so later waits (time per token) follow the first', async () => {
    const signal = new AbortController().signal;
    startRequestClock(signal, performance.now());
    expect(await elapsed(requestClockSleep(30, signal))).toBe(30);
    vi.advanceTimersByTime(5);
    expect(await elapsed(requestClockSleep(30, signal))).toBe(25);
  });

  it('does not wait once the request is already overdue', async () => {
    const signal = new AbortController().signal;
    startRequestClock(signal, performance.now());
    vi.advanceTimersByTime(500);
    expect(await elapsed(requestClockSleep(100, signal))).toBeLessThanOrEqual(1);
  });

  it('is a plain timer for a request without a clock', async () => {
    expect(await elapsed(requestClockSleep(30))).toBe(30);
    expect(await elapsed(requestClockSleep(30, new AbortController().signal))).toBe(30);
  });

  it('rejects when the request is cancelled', async () => {
    const cancel = new AbortController();
    startRequestClock(cancel.signal, performance.now());
    const waiting = requestClockSleep(1000, cancel.signal);
    cancel.abort();
    await expect(waiting).rejects.toBeInstanceOf(ModelError);
  });
});

describe('the request clock on real timers', () => {
  it('never ends a wait before its deadline, though a timer may fire early', async () => {
    const signal = new AbortController().signal;
    const readAt = performance.now();
    startRequestClock(signal, readAt);
    await requestClockSleep(20.5, signal);
    expect(performance.now()).toBeGreaterThanOrEqual(readAt + 20.5);
  });
});
