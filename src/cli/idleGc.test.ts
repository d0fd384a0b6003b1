import { constants, PerformanceObserver } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectGarbageWhileIdle } from './idleGc';

/** The garbage collections V8 reports while `fn` runs (and for a moment after, as entries come asynchronously). */
async function collectionsDuring(fn: () => void): Promise<number[]> {
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => kinds.push(...list.getEntries().map((e) => ((e as unknown as { detail: { kind: number } }).detail.kind))));
  observer.observe({ entryTypes: ['gc'] });
  fn();
  await new Promise((done) => setTimeout(done, 50));
  observer.disconnect();
  return kinds;
}

describe('collectGarbageWhileIdle', () => {
  it('runs a full (major) collection at once, without a --expose-gc on the command line', async () => {
    let offered = false;
    const kinds = await collectionsDuring(() => (offered = collectGarbageWhileIdle()));
    expect(offered).toBe(true);
    expect(kinds).toContain(constants.NODE_PERFORMANCE_GC_MAJOR);
  });

  it('leaves this context without a gc global', () => {
    collectGarbageWhileIdle();
    expect('gc' in globalThis).toBe(false);
  });
});
