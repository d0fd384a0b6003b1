/** A quantity that may vary between a least and a most likely count, with its likeliest value when that is neither. */
export interface Range {
  min: number;
  max: number;
  /** The likeliest value, when the range is uncertain and the midpoint is not the best guess. */
  likely?: number;
}

/** A range from `min` to `max` (a single value when `max` is left out), optionally with its likeliest value. */
export const range = (min: number, max = min, likely?: number): Range => (likely === undefined ? { min, max } : { min, max, likely });
/** The best single guess of a range: its likeliest value, else its midpoint. */
export const likelyOf = (r: Range): number => r.likely ?? (r.min + r.max) / 2;
export const addRanges = (a: Range, b: Range): Range => range(a.min + b.min, a.max + b.max, a.likely === undefined && b.likely === undefined ? undefined : likelyOf(a) + likelyOf(b));
export const scaleRange = (a: Range, k: number): Range => range(a.min * k, a.max * k, a.likely === undefined ? undefined : a.likely * k);

// One formatter per digit count: toLocaleString builds a new one on every call, which live node strips pay per run event.
const formatters = new Map<number, Intl.NumberFormat>();
function formatterFor(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

/** `5` or `5–9`, with thousands separated. */
export function formatRange(x: Range, digits = 0): string {
  const f = formatterFor(digits);
  return x.min === x.max ? f.format(x.min) : `${f.format(x.min)}–${f.format(x.max)}`;
}
