import { evaluateValidator } from '../functions/evaluate';
import { readAnswer } from '../prompts/parse';
import { errorText } from '../run/errors';
import { keyTag, type CriticalPoint, type FlowItem, type OperationContext, type OperationExecutor } from './execution';
import { promptMessages, sampling, thoughtsFromCall } from './llmThoughts';

type Params = OperationContext<'validateAndImprove'>['op']['params'];

/** Validates one thought: a verdict (with the critical point after any call), or null when validation itself failed. */
async function validate(ctx: OperationContext<'validateAndImprove'>, p: Params, item: FlowItem, tag: string): Promise<{ valid: boolean; cp: CriticalPoint } | null> {
  const v = p.validator;
  const view = ctx.view(item);
  if (v.kind !== 'llm') {
    try {
      return { valid: await evaluateValidator(v, view, ctx.env), cp: item.cp };
    } catch (err) {
      ctx.problem(`the validator failed on ${item.id}: ${errorText(err)}`, 'error', item.id);
      return null;
    }
  }
  const messages = promptMessages(v, { state: view.state });
  const call = await ctx.call({ purpose: 'validate', tag, inputs: [item], messages, n: p.samples, ...sampling(ctx, v) });
  if (!call) return null;
  const read = readAnswer(v.reader, call.texts, view, ctx.env.functions);
  if (!read.ok || Array.isArray(read.value)) {
    ctx.problem(`the validation answer for ${item.id} could not be read, counted as invalid: ${read.ok ? 'got a list' : read.message}`, 'warn', item.id);
    return { valid: false, cp: call.cp };
  }
  return { valid: typeof read.value === 'boolean' ? read.value : read.value > 0, cp: call.cp };
}

/**
 * Per input: validate; while invalid and tries remain, improve (a new child) and validate the
 * child. Outputs the last thought of each chain, valid or not, in the input's position.
 */
export const executeValidateAndImprove: OperationExecutor<'validateAndImprove'> = (ctx) => {
  const p = ctx.op.params;
  return ctx.forEachInput(async (input) => {
    const tag = keyTag(input.key);
    let current = input;
    for (let tries = 0; ; ) {
      const verdict = await validate(ctx, p, current, `${tag}.v${tries}`);
      if (!verdict) return ctx.output(current);
      current = ctx.annotate(current, { valid: verdict.valid, validated: true }, verdict.cp);
      if (verdict.valid || !p.improve || tries >= p.tries) return ctx.output(current);
      tries += 1;
      const base = ctx.thought(current).state;
      const messages = promptMessages(p, { state: base });
      const call = await ctx.call({ purpose: 'improve', tag: `${tag}.i${tries}`, inputs: [current], messages, n: 1, ...sampling(ctx, p) });
      if (!call) return ctx.output(current);
      const attempt = tries;
      const [child] = thoughtsFromCall(ctx, { call, parents: [current], base, parser: p.parser, inputs: [ctx.view(current)], tag: () => `${tag}.${attempt}`, key: () => input.key, single: true });
      if (!child) return ctx.output(current);
      current = child;
    }
  });
};
