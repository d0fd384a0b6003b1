import { z } from 'zod/mini';
import { defineOperation } from './definition';
import { llmFields, llmParamShape } from './llmFields';

export const improveDefinition = defineOperation({
  type: 'improve',
  label: 'Improve',
  help: 'For each input thought, one improve prompt and one completion: a new child thought.',
  icon: '↻',
  category: 'llm',
  paramsSchema: z.object({ ...llmParamShape }),
  fields: llmFields,
  initialParams: { prompt: '', parser: { kind: 'text', key: 'current' } },
  summary: () => '1 per thought',
  makesThoughts: true,
  streams: () => true,
});
