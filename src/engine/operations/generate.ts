import { z } from 'zod/mini';
import { defineOperation } from './definition';
import { llmFields, llmParamShape, samplesField } from './llmFields';

export const generateDefinition = defineOperation({
  type: 'generate',
  label: 'Generate',
  help: 'For each input thought, one prompt with k completions; each parsed into zero or more child thoughts.',
  icon: '✦',
  category: 'llm',
  paramsSchema: z.object({
    branchesPerPrompt: z._default(z.int().check(z.gte(1), z.lte(100)), 1),
    samples: z._default(z.int().check(z.gte(1), z.lte(100)), 1),
    ...llmParamShape,
  }),
  fields: [
    samplesField('k: completions requested per input thought (one request with n = k).'),
    { key: 'branchesPerPrompt', label: 'Branches per prompt', help: 'How many answers the prompt asks for ({{branches}}).', kind: 'integer', min: 1, max: 100 },
    ...llmFields,
  ],
  initialParams: { samples: 1, branchesPerPrompt: 1, prompt: '', parser: { kind: 'text', key: 'current' } },
  summary: (p) => `k = ${p.samples}${p.branchesPerPrompt > 1 ? `, ${p.branchesPerPrompt} per prompt` : ''}`,
  makesThoughts: true,
  streams: () => true,
});
