import { evaluateEvaluator } from '../functions/evaluate';
import type { OperationExecutor } from './execution';

/** Marks each thought solved or not; an evaluator that throws counts as not solved (and says why in the log). */
export const executeGroundTruth: OperationExecutor<'groundTruth'> = (ctx) =>
  ctx.forEachInput(async (item) => {
    let solved: boolean;
    try {
      solved = await evaluateEvaluator(ctx.op.params.evaluator, ctx.view(item), ctx.env);
    } catch (err) {
      solved = false;
      ctx.problem(`the ground-truth test threw on ${item.id}, counted as not solved: ${err instanceof Error ? err.message : String(err)}`, 'warn', item.id);
    }
    ctx.output(ctx.annotate(item, { solved, compared: true }));
  });
