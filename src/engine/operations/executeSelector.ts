import { evaluateSelector } from '../functions/evaluate';
import { errorText } from '../run/errors';
import type { SelectorSpec } from '../graph/specs';
import type { OperationExecutor } from './execution';

const describe = (s: SelectorSpec): string => (s.kind === 'filter' ? s.expr : s.kind === 'function' ? s.name : 'the JavaScript selector');

/**
 * Keeps what the selector returns, in input order. A filter decides per thought as each arrives;
 * a function or script sees all the inputs at once.
 */
export const executeSelector: OperationExecutor<'selector'> = async (ctx) => {
  const spec = ctx.op.params.selector;
  if (spec.kind === 'filter') {
    return ctx.forEachInput(async (item) => {
      let keep: boolean;
      try {
        keep = (await evaluateSelector(spec, [ctx.view(item)], ctx.env)).length > 0;
      } catch (err) {
        ctx.problem(`the selector failed on ${item.id}: ${errorText(err)}`, 'warn', item.id);
        keep = false;
      }
      if (keep) ctx.output(item);
      else ctx.prune(item, `not selected by ${describe(spec)}`);
    });
  }
  const items = await ctx.allInputs();
  const chosen = new Set((await evaluateSelector(spec, items.map((item) => ctx.view(item)), ctx.env)).map((t) => t.id));
  const cp = ctx.latest(items);
  for (const item of items) {
    if (chosen.has(item.id)) ctx.output({ ...item, cp });
    else ctx.prune(item, `not selected by ${describe(spec)}`);
  }
};
