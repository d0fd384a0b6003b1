/** A quantity that may vary between a least and a most likely count. */
export interface Range {
  min: number;
  max: number;
}

/** A range from `min` to `max` (a single value when `max` is left out). */
export const range = (min: number, max = min): Range => ({ min, max });
export const addRanges = (a: Range, b: Range): Range => ({ min: a.min + b.min, max: a.max + b.max });
export const scaleRange = (a: Range, k: number): Range => ({ min: a.min * k, max: a.max * k });

/** `5` or `5–9`, with thousands separated. */
export function formatRange(x: Range, digits = 0): string {
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return x.min === x.max ? f(x.min) : `${f(x.min)}–${f(x.max)}`;
}
