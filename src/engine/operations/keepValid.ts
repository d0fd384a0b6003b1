import { z } from 'zod/mini';
import { defineOperation } from './definition';
import type { OperationExecutor } from './execution';

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

/** Passes thoughts that are valid or were never validated; drops (and marks) the invalid ones. */
export const executeKeepValid: OperationExecutor<'keepValid'> = (ctx) =>
  ctx.forEachInput(async (item) => {
    if (item.ann.validated && item.ann.valid !== true) ctx.prune(item, 'validated as invalid');
    else ctx.output(item);
  });
