import { keyTag, type OperationExecutor } from './execution';
import { promptMessages, sampling, thoughtsFromCall } from './llmThoughts';

/** For each input thought: one prompt, k completions (one request with n = k), each parsed into zero or more children. */
export const executeGenerate: OperationExecutor<'generate'> = async (ctx) => {
  const p = ctx.op.params;
  await ctx.forEachInput(async (item) => {
    const base = ctx.thought(item).state;
    const messages = promptMessages(p, { state: base, branches: p.branchesPerPrompt });
    const tag = keyTag(item.key);
    const call = await ctx.call({ purpose: 'generate', tag, inputs: [item], messages, n: p.samples, ...sampling(ctx, p) });
    if (!call) return;
    const children = thoughtsFromCall(ctx, {
      call,
      parents: [item],
      base,
      parser: p.parser,
      inputs: [ctx.view(item)],
      tag: (c, part) => `${tag}.${c}.${part}`,
      key: (c, part) => [...item.key, c, part],
    });
    for (const child of children) ctx.output(child);
  });
};
