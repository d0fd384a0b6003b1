import { describe, expect, it } from 'vitest';
import { createGrs, type GrsState, type RunId } from '../../engine/index';
import { PACE_MAX_MS, PACE_MIN_MS, paceDelay, showsAtOnce, updateCost } from './usePacedGrs';

const grs = (runId: string | null, status: GrsState['status']): GrsState => ({ ...createGrs(), runId: runId as RunId | null, status });

describe('pacing the Thoughts view while a run streams', () => {
  it('waits a multiple of what the last update cost, at least a frame and at most half a second', () => {
    expect(paceDelay(0)).toBe(PACE_MIN_MS);
    expect(paceDelay(10)).toBeGreaterThan(10);
    expect(paceDelay(20)).toBeGreaterThan(paceDelay(10));
    expect(paceDelay(10_000)).toBe(PACE_MAX_MS);
  });

  it('counts the frame that drew an update (style, layout, canvas, paint) on top of React’s part', () => {
    expect(updateCost(4, 100, 130)).toBe(34);
    expect(updateCost(4, 130, 100)).toBe(4);
  });

  it('shows a new run, the end of a run and a finished run at once, and paces only more of the same running run', () => {
    expect(showsAtOnce(grs('a', 'running'), grs('a', 'running'))).toBe(false);
    expect(showsAtOnce(grs('a', 'running'), grs('a', 'completed'))).toBe(true);
    expect(showsAtOnce(grs('a', 'running'), grs('b', 'running'))).toBe(true);
    expect(showsAtOnce(grs(null, 'idle'), grs('a', 'running'))).toBe(true);
  });
});
