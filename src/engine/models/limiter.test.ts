import { describe, expect, it, vi } from 'vitest';
import { createLimiter } from './limiter';
import { ModelError } from './types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createLimiter', () => {
  it('holds requests beyond the concurrency limit until a slot frees', async () => {
    const limiter = createLimiter({ maxConcurrency: 2 });
    const releases = await Promise.all([limiter.acquire(), limiter.acquire()]);
    let third = false;
    const pending = limiter.acquire().then((release) => {
      third = true;
      return release;
    });
    await sleep(10);
    expect(third).toBe(false);
    releases[0]?.();
    (await pending)();
    expect(third).toBe(true);
  });

  it('starts no more than the rate per window', async () => {
    // Fake timers and clock: a busy machine can neither delay the first three nor wake the rest early.
    vi.useFakeTimers();
    try {
      const limiter = createLimiter({ requestsPerMinute: 3, windowMs: 200, now: () => Date.now() });
      const started = Date.now();
      const times: number[] = [];
      const all = Promise.all(
        Array.from({ length: 5 }, async () => {
          const release = await limiter.acquire();
          times.push(Date.now() - started);
          release();
        }),
      );
      await vi.runAllTimersAsync();
      await all;
      expect(times).toEqual([0, 0, 0, 200, 200]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up waiting when the signal fires', async () => {
    const limiter = createLimiter({ maxConcurrency: 1 });
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(ModelError);
    release();
    expect(limiter.active).toBe(0);
  });
});
