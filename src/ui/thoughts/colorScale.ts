import type { Thought } from '../../engine/index';

export type ColorBy = 'score' | 'latency' | 'volume';

export interface ColorDomain {
  by: ColorBy;
  min: number;
  max: number;
  /** For scores: whether higher values are better (decides which end is green). */
  higherIsBetter: boolean;
}

/** Colour stops from worst/low to best/high, readable on light and dark themes. */
const GOOD_BAD = ['#d7301f', '#fc8d59', '#fdcc8a', '#a6d96a', '#1a9641'];
const SEQUENTIAL = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

function metric(t: Pick<Thought, 'score' | 'latency' | 'volume'>, by: ColorBy): number | null {
  if (by === 'score') return t.score;
  return by === 'latency' ? t.latency : t.volume;
}

/** The range of the chosen metric over the thoughts that have it. */
export function colorDomain(
  thoughts: Iterable<Pick<Thought, 'score' | 'latency' | 'volume'>>,
  by: ColorBy,
  higherIsBetter: boolean,
): ColorDomain {
  let min = Infinity;
  let max = -Infinity;
  for (const t of thoughts) {
    const v = metric(t, by);
    if (v === null || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { by, min: 0, max: 0, higherIsBetter };
  return { by, min, max, higherIsBetter };
}

function lerpStops(stops: readonly string[], f: number): string {
  const clamped = Math.min(1, Math.max(0, f));
  const idx = Math.round(clamped * (stops.length - 1));
  return stops[idx] ?? stops[0] ?? '#999';
}

/** The card accent for a thought, or null when it has no value for the metric. */
export function colorFor(t: Pick<Thought, 'score' | 'latency' | 'volume'>, d: ColorDomain): string | null {
  const v = metric(t, d.by);
  if (v === null || !Number.isFinite(v)) return null;
  const f = d.max === d.min ? 1 : (v - d.min) / (d.max - d.min);
  if (d.by === 'score') return lerpStops(GOOD_BAD, d.higherIsBetter ? f : 1 - f);
  return lerpStops(SEQUENTIAL, f);
}

/** Stops for the legend, left (min) to right (max). */
export function legendStops(d: ColorDomain): string[] {
  if (d.by === 'score') return d.higherIsBetter ? [...GOOD_BAD] : [...GOOD_BAD].reverse();
  return [...SEQUENTIAL];
}
