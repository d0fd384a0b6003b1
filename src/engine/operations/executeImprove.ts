import { keyTag, type OperationExecutor } from './execution';
import { promptMessages, sampling, thoughtsFromCall } from './llmThoughts';

/** For each input thought: one improve prompt, one completion, one child. */
export const executeImprove: OperationExecutor<'improve'> = async (ctx) => {
  const p = ctx.op.params;
  await ctx.forEachInput(async (item) => {
    const base = ctx.thought(item).state;
    const tag = keyTag(item.key);
    const call = await ctx.call({ purpose: 'improve', tag, inputs: [item], messages: promptMessages(p, { state: base }), n: 1, ...sampling(ctx, p) });
    if (!call) return;
    const [child] = thoughtsFromCall(ctx, { call, parents: [item], base, parser: p.parser, inputs: [ctx.view(item)], tag: () => tag, key: () => item.key, single: true });
    if (child) ctx.output(child);
  });
};
