import { z } from 'zod/mini';
import { defineOperation } from './definition';

export const keepValidDefinition = defineOperation({
  type: 'keepValid',
  label: 'Keep Valid',
  help: 'Keeps thoughts that are valid or were never validated.',
  icon: '◆',
  category: 'filter',
  paramsSchema: z.object({}),
  fields: [],
  initialParams: {},
  summary: () => 'valid or unvalidated',
  makesThoughts: false,
  streams: () => true,
});
