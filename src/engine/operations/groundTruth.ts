import { z } from 'zod/mini';
import { evaluatorSpecSchema } from '../graph/specs';
import { defineOperation } from './definition';

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
