import { describe, expect, it } from 'vitest';
import { FLUSH_PACE, restAfter } from './frameBatcher';

describe('restAfter', () => {
  it('lets a cheap flush run again on the next frame', () => {
    expect(restAfter(1000, 1, 1016)).toBeLessThanOrEqual(1016.7);
  });

  it('waits as long as the frame overran its 16.7 ms', () => {
    expect(restAfter(1000, 1, 1040)).toBeCloseTo(1040 + (40 - 1000 / 60));
  });

  it('spaces costly flushes by FLUSH_PACE times their cost, so a long run’s store updates skip frames instead of filling them', () => {
    expect(restAfter(1000, 8, 1016)).toBe(1000 + 8 * FLUSH_PACE);
  });
});
