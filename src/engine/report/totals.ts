import { zeroTotals } from '../grs/state';
import type { RunTotals } from '../run/events';

/** The fields of RunTotals, in report order. */
export const TOTAL_FIELDS = ['requests', 'completions', 'cacheHits', 'promptTokens', 'completionTokens', 'cost'] as const satisfies readonly (keyof RunTotals)[];

/** Just the totals of something that carries them (a run summary, an outcome). */
export function totalsOf(from: RunTotals): RunTotals {
  const out = {} as RunTotals;
  for (const k of TOTAL_FIELDS) out[k] = from[k];
  return out;
}

/** Field-by-field sum of several runs' totals (a batch, a scheme's samples). */
export function sumTotals(items: readonly RunTotals[]): RunTotals {
  const out = zeroTotals();
  for (const item of items) for (const k of TOTAL_FIELDS) out[k] += item[k];
  return out;
}
