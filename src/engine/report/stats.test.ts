import { describe, expect, it } from 'vitest';
import { compareSchemes, type SampleOutcome } from './compareSchemes';
import { describe as describeValues, quantileSorted } from './stats';

describe('stats', () => {
  it('interpolates quartiles linearly between closest ranks (NumPy default)', () => {
    const values = [1, 2, 3, 4];
    expect(quantileSorted(values, 0.25)).toBeCloseTo(1.75);
    expect(quantileSorted(values, 0.5)).toBeCloseTo(2.5);
    expect(quantileSorted(values, 0.75)).toBeCloseTo(3.25);
  });

  it('describes unsorted values and ignores non-finite ones', () => {
    expect(describeValues([7, 1, Number.NaN, 3, 5, 9])).toEqual({ n: 5, min: 1, q1: 3, median: 5, q3: 7, max: 9, mean: 5 });
    expect(describeValues([])).toBeNull();
  });
});

const outcome = (score: number | null, solved: boolean | null, extra: Partial<SampleOutcome> = {}): SampleOutcome => ({
  sampleIndex: 0, status: 'completed', score, solved, requests: 1, completions: 2, cacheHits: 0, promptTokens: 10, completionTokens: 20, cost: 0.01, wallMs: 5, ...extra,
});

describe('compareSchemes', () => {
  it('summarises each scheme: score quartiles, solved rate and totals', () => {
    const [row] = compareSchemes([{ scheme: 'GoT', outcomes: [outcome(0, true), outcome(4, false), outcome(2, false), outcome(null, null, { status: 'failed' })] }]);
    expect(row).toMatchObject({ scheme: 'GoT', samples: 4, scored: 3, incomplete: 1, solved: 1, requests: 4, completions: 8 });
    expect(row!.score?.median).toBe(2);
    expect(row!.solvedRate).toBeCloseTo(1 / 3);
    expect(row!.cost).toBeCloseTo(0.04);
  });
});
