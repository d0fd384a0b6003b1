/**
 * Descriptive statistics for comparing schemes (pure: the browser app reuses it).
 *
 * Quantiles use linear interpolation between closest ranks (Hyndman & Fan type 7, the default of
 * NumPy, R and matplotlib's box plots, which the paper's figures were drawn with): for sorted
 * values x[0..n-1] the p-quantile is x[h] interpolated at h = (n − 1)·p.
 */
export interface Distribution {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  mean: number;
}

/** The p-quantile (0 ≤ p ≤ 1) of values already sorted ascending; NaN for no values. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/** Min, quartiles, max and mean of finite values (others ignored); null when none remain. */
export function describe(values: readonly number[]): Distribution | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
  };
}
