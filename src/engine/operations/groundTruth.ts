import { z } from 'zod/mini';
import { evaluatorSpecSchema } from '../graph/specs';
import { evaluateEvaluator } from '../functions/evaluate';
import { defineOperation } from './definition';
import type { OperationExecutor } from './execution';

export const groundTruthDefinition = defineOperation({
  type: 'groundTruth',
  label: 'Ground Truth',
  help: 'Marks each thought solved or not with an evaluator; an evaluator that throws gives unsolved.',
  icon: '◎',
  category: 'annotate',
  paramsSchema: z.object({ evaluator: evaluatorSpecSchema }),
  fields: [{ key: 'evaluator', label: 'Evaluator', help: 'A built-in test, an expression or your own JavaScript.', kind: 'evaluator', required: true }],
  initialParams: { evaluator: { kind: 'function', name: '' } },
  summary: (p) => (p.evaluator.kind === 'function' ? p.evaluator.name || 'no evaluator' : p.evaluator.kind),
  makesThoughts: false,
  streams: () => true,
});

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
