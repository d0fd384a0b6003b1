import type { OperationExecutor } from './execution';

/** Passes thoughts that are valid or were never validated; drops (and marks) the invalid ones. */
export const executeKeepValid: OperationExecutor<'keepValid'> = (ctx) =>
  ctx.forEachInput(async (item) => {
    if (item.ann.validated && item.ann.valid !== true) ctx.prune(item, 'validated as invalid');
    else ctx.output(item);
  });
