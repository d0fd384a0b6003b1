import { z } from 'zod/mini';
import { scorerSpecSchema } from '../graph/specs';
import { defineOperation } from './definition';
import { samplesField } from './llmFields';

export const scoreDefinition = defineOperation({
  type: 'score',
  label: 'Score',
  help: 'Sets a score on each input thought, with a function (no request) or an LLM prompt.',
  icon: '★',
  category: 'annotate',
  paramsSchema: z.object({
    samples: z._default(z.int().check(z.gte(1), z.lte(100)), 1),
    combined: z._default(z.boolean(), false),
    scorer: scorerSpecSchema,
  }),
  fields: [
    { key: 'scorer', label: 'Scorer', help: 'A built-in function, an expression, an LLM prompt or your own JavaScript.', kind: 'scorer', required: true },
    samplesField('LLM scorer: completions per request, averaged.'),
    { key: 'combined', label: 'Combined', help: 'LLM scorer: one request scoring all thoughts together instead of one per thought.', kind: 'boolean' },
  ],
  initialParams: { samples: 1, combined: false, scorer: { kind: 'function', name: '' } },
  summary: (p) =>
    p.scorer.kind === 'llm' ? `LLM${p.combined ? ', combined' : ''}${p.samples > 1 ? `, ${p.samples} samples` : ''}` : p.scorer.kind === 'function' ? p.scorer.name || 'no scorer' : p.scorer.kind,
  makesThoughts: false,
  streams: (p) => !p.combined,
});
