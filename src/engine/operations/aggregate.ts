import { z } from 'zod';
import { defineOperation } from './definition';
import { llmFields, llmParamShape, samplesField } from './llmFields';

export const aggregateDefinition = defineOperation({
  type: 'aggregate',
  label: 'Aggregate',
  help: 'One prompt over all input thoughts; each completion becomes thoughts whose parents are all the inputs.',
  icon: '⋈',
  category: 'llm',
  paramsSchema: z.object({
    samples: z.number().int().min(1).max(100).default(1),
    concatKeys: z.array(z.string().min(1)).default([]),
    ...llmParamShape,
  }),
  fields: [
    samplesField('Completions requested for the aggregation prompt.'),
    ...llmFields,
    { key: 'concatKeys', label: 'Concatenate keys', help: 'State keys whose values are concatenated across inputs (in input order) in the base state.', kind: 'stringList', advanced: true },
  ],
  initialParams: { samples: 1, prompt: '', parser: { kind: 'text', key: 'current' }, concatKeys: [] },
  summary: (p) => `${p.samples} sample${p.samples === 1 ? '' : 's'}`,
  makesThoughts: true,
  streams: () => false,
});
