import { describe, expect, it } from 'vitest';
import { ModelError } from '../engine/index';
import { requestClockSleep, startRequestClock } from './requestClock';

const elapsed = async (work: Promise<void>): Promise<number> => {
  const t0 = performance.now();
  await work;
  return performance.now() - t0;
};

describe('the request clock', () => {
  it('ends a wait its length after the request was read, so work done since then overlaps it', async () => {
    const signal = new AbortController().signal;
    startRequestClock(signal, performance.now() - 60);
    const ms = await elapsed(requestClockSleep(100, signal));
    expect(ms).toBeGreaterThanOrEqual(30);
    expect(ms).toBeLessThan(70);
  });

  it('moves on with each wait, so later waits (time per token) follow the first', async () => {
    const signal = new AbortController().signal;
    startRequestClock(signal, performance.now());
    await requestClockSleep(30, signal);
    const ms = await elapsed(requestClockSleep(30, signal));
    expect(ms).toBeGreaterThanOrEqual(20);
  });

  it('does not wait at all once the request is already overdue', async () => {
    const signal = new AbortController().signal;
    startRequestClock(signal, performance.now() - 500);
    expect(await elapsed(requestClockSleep(100, signal))).toBeLessThan(40);
  });

  it('is a plain timer for a request without a clock, and rejects when the request is cancelled', async () => {
    expect(await elapsed(requestClockSleep(30))).toBeGreaterThanOrEqual(25);
    const cancel = new AbortController();
    startRequestClock(cancel.signal, performance.now());
    const waiting = requestClockSleep(1000, cancel.signal);
    cancel.abort();
    await expect(waiting).rejects.toBeInstanceOf(ModelError);
  });
});
