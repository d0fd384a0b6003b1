import { z } from 'zod/mini';
import { defineOperation } from './definition';
import { keyTag, type OperationExecutor } from './execution';
import { llmFields, llmParamShape, samplesField } from './llmFields';
import { promptMessages, sampling, thoughtsFromCall } from './llmThoughts';

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
