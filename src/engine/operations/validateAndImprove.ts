import { z } from 'zod/mini';
import { validatorSpecSchema } from '../graph/specs';
import { defineOperation } from './definition';
import { llmFields, llmParamShape, samplesField } from './llmFields';

export const validateAndImproveDefinition = defineOperation({
  type: 'validateAndImprove',
  label: 'Validate & Improve',
  help: 'Validates each thought; while invalid and tries remain, improves it and validates again. Outputs the last of each chain.',
  icon: '✓',
  category: 'llm',
  paramsSchema: z.object({
    samples: z._default(z.int().check(z.gte(1), z.lte(100)), 1),
    improve: z._default(z.boolean(), true),
    tries: z._default(z.int().check(z.gte(0), z.lte(50)), 3),
    validator: validatorSpecSchema,
    ...llmParamShape,
  }),
  fields: [
    { key: 'validator', label: 'Validator', help: 'A built-in function, an expression, an LLM prompt or your own JavaScript.', kind: 'validator', required: true },
    { key: 'tries', label: 'Tries', help: 'Improve attempts at most per thought.', kind: 'integer', min: 0, max: 50 },
    { key: 'improve', label: 'Improve', help: 'Improve invalid thoughts; off: validate only.', kind: 'boolean' },
    samplesField('LLM validator: completions per validation request (majority vote).'),
    ...llmFields,
  ],
  initialParams: { samples: 1, improve: true, tries: 3, validator: { kind: 'function', name: '' }, prompt: '', parser: { kind: 'text', key: 'current' } },
  summary: (p) => (p.improve ? `${p.tries} tr${p.tries === 1 ? 'y' : 'ies'}` : 'validate only'),
  makesThoughts: true,
  streams: () => true,
});
