import { adjacentDisorder } from '../../tasks/shared/lists';
import type { AnswerContext } from './context';

/** A mistake made on a list: lose an item, repeat one, write a wrong value, or swap two neighbours. */
export type ListMistake = 'drop' | 'duplicate' | 'replace' | 'swap';

/** Applies mistakes given as uniform seeds `[kind, position, detail]` to a copy of `list`. */
export function corruptList(list: readonly number[], mistakes: readonly number[][], kinds: readonly ListMistake[], replaceWith: (value: number, u: number) => number): number[] {
  const out = [...list];
  for (const [uKind = 0, uPos = 0, uDetail = 0] of mistakes) {
    const kind = kinds[Math.floor(uKind * kinds.length)] ?? 'drop';
    if (out.length === 0) {
      if (kind === 'duplicate' || kind === 'replace') out.push(replaceWith(0, uDetail));
      continue;
    }
    const i = Math.min(out.length - 1, Math.floor(uPos * out.length));
    const value = out[i] as number;
    if (kind === 'drop') out.splice(i, 1);
    else if (kind === 'duplicate') out.splice(i, 0, value);
    else if (kind === 'replace') out[i] = replaceWith(value, uDetail);
    else swapNearestDistinct(out, i);
  }
  return out;
}

/** Swaps the first pair of different neighbours at or after i (wrapping), so the swap is a real disorder. */
function swapNearestDistinct(list: number[], start: number): void {
  for (let step = 0; step < list.length - 1; step++) {
    const i = (start + step) % (list.length - 1);
    if (list[i] !== list[i + 1]) {
      [list[i], list[i + 1]] = [list[i + 1] as number, list[i] as number];
      return;
    }
  }
}

/** Count differences of `attempt` against `reference`: value → attempt count − reference count (non-zero only). */
function countDiffs(attempt: readonly number[], reference: readonly number[]): Map<number, number> {
  const diff = new Map<number, number>();
  for (const v of attempt) diff.set(v, (diff.get(v) ?? 0) + 1);
  for (const v of reference) diff.set(v, (diff.get(v) ?? 0) - 1);
  for (const [v, d] of diff) if (d === 0) diff.delete(v);
  return diff;
}

/**
 * Whether a model repairs a mistake: it notices it or not once per prompt (so its samples agree),
 * and a sample then follows that verdict 9 times in 10.
 */
export function repairs(ctx: AnswerContext, fixChance: number): boolean {
  const noticed = ctx.shared.chance(fixChance);
  return ctx.sample.chance(0.9) ? noticed : !noticed;
}

/**
 * A partial repair: the mistakes of `attempt` against `target` (a multiset; `ordered` also counts
 * disorder) each survive unless the model repairs them. Returns the repaired multiset sorted
 * (when ordered) with the surviving disorder re-applied as swaps, else in target order.
 */
export function partiallyRepair(attempt: readonly number[], target: readonly number[], fixChance: number, ctx: AnswerContext, ordered: boolean): number[] {
  const rng = ctx.sample;
  const out = [...target];
  for (const [value, d] of countDiffs(attempt, target)) {
    for (let k = 0; k < Math.abs(d); k++) {
      if (repairs(ctx, fixChance)) continue;
      if (d > 0) out.splice(rng.int(out.length + 1), 0, value);
      else {
        const at = out.indexOf(value);
        if (at >= 0) out.splice(at, 1);
      }
    }
  }
  if (!ordered) return out;
  out.sort((a, b) => a - b);
  const swaps = Array.from({ length: adjacentDisorder(attempt) }).filter(() => !repairs(ctx, fixChance)).length;
  for (let s = 0; s < swaps && out.length > 1; s++) swapNearestDistinct(out, rng.int(out.length - 1));
  return out;
}
