import type { OperationExecutor } from './execution';
import { promptMessages, sampling, thoughtsFromCall } from './llmThoughts';
import { aggregateBase } from './aggregate';

/** One prompt over all inputs; each completion parsed into new thoughts whose parents are all the inputs. */
export const executeAggregate: OperationExecutor<'aggregate'> = async (ctx) => {
  const p = ctx.op.params;
  const items = await ctx.allInputs();
  if (items.length === 0) return;
  const views = items.map((item) => ctx.view(item));
  const base = aggregateBase(views, p.concatKeys);
  const messages = promptMessages(p, { state: base, inputs: views });
  const call = await ctx.call({ purpose: 'aggregate', tag: '*', inputs: items, messages, n: p.samples, ...sampling(ctx, p) });
  if (!call) return;
  const made = thoughtsFromCall(ctx, {
    call,
    parents: items,
    base,
    parser: p.parser,
    inputs: views,
    tag: (c, part) => `${c}.${part}`,
    key: (c, part) => [c, part],
  });
  for (const t of made) ctx.output(t);
};
