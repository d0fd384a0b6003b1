import { calibration } from './calibration';
import type { Rng } from './prng';

/**
 * What a task handler draws its mistakes from. `shared` is the same for every completion of one
 * prompt (a model tends to repeat its mistakes across samples); `sample` differs per completion.
 */
export interface AnswerContext {
  shared: Rng;
  sample: Rng;
  /** The prompt asked to show the work (chain of thought). */
  stepByStep: boolean;
}

/**
 * How many mistakes to make for an expected count `mean`: a share `sharedShare` of them is drawn
 * once per prompt (each repeated in a sample with probability `repeat`), the rest per sample.
 * Returns the mistakes' uniform seeds so a shared mistake lands at the same place every time.
 */
export function drawMistakes(ctx: AnswerContext, mean: number, sharedShare: number = calibration.sharedShare, repeat: number = calibration.sharedRepeat): number[][] {
  const out: number[][] = [];
  const shared = ctx.shared.poisson(mean * sharedShare);
  for (let i = 0; i < shared; i++) {
    const seeds = [ctx.shared.next(), ctx.shared.next(), ctx.shared.next()];
    if (ctx.sample.chance(repeat)) out.push(seeds);
  }
  const own = ctx.sample.poisson(mean * (1 - sharedShare));
  for (let i = 0; i < own; i++) out.push([ctx.sample.next(), ctx.sample.next(), ctx.sample.next()]);
  return out;
}
