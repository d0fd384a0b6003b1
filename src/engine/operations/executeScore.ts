import { evaluateScorer } from '../functions/evaluate';
import type { ThoughtView } from '../functions/types';
import { readAnswer } from '../prompts/parse';
import { errorText } from '../run/errors';
import { keyTag, type FlowItem, type OperationExecutor } from './execution';
import { promptMessages, sampling } from './llmThoughts';

/** Sets a score on each input: with a function (no request), one LLM request per thought, or one combined request. */
export const executeScore: OperationExecutor<'score'> = async (ctx) => {
  const p = ctx.op.params;
  const scorer = p.scorer;
  if (scorer.kind !== 'llm') {
    const scoreOne = async (item: FlowItem, cp = item.cp): Promise<void> => {
      try {
        const score = await evaluateScorer(scorer, ctx.view(item), ctx.env);
        ctx.output(ctx.annotate(item, { score, scored: true }, cp));
      } catch (err) {
        ctx.problem(`the scorer failed on ${item.id}: ${errorText(err)}`, 'error', item.id);
        ctx.prune(item, `could not be scored: ${errorText(err)}`);
      }
    };
    if (!p.combined) return ctx.forEachInput((item) => scoreOne(item));
    const items = await ctx.allInputs();
    const cp = ctx.latest(items);
    for (const item of items) await scoreOne(item, cp);
    return;
  }
  const llm = scorer;
  if (!p.combined) {
    return ctx.forEachInput(async (item) => {
      const view = ctx.view(item);
      const messages = promptMessages(llm, { state: view.state });
      const call = await ctx.call({ purpose: 'score', tag: keyTag(item.key), inputs: [item], messages, n: p.samples, ...sampling(ctx, llm) });
      if (!call) return ctx.prune(item, 'its scoring call failed');
      const read = readAnswer(llm.reader, call.texts, view, ctx.env.functions);
      const score = !read.ok ? null : typeof read.value === 'number' ? read.value : typeof read.value === 'boolean' ? Number(read.value) : (read.value[0] ?? null);
      if (score === null) {
        ctx.problem(`the score of ${item.id} could not be read: ${read.ok ? 'the list is empty' : read.message}`, 'warn', item.id);
        return ctx.prune(item, 'its score could not be read');
      }
      ctx.output(ctx.annotate(item, { score, scored: true }, call.cp));
    });
  }
  const items = await ctx.allInputs();
  if (items.length === 0) return;
  const views = items.map((item) => ctx.view(item));
  const messages = promptMessages(llm, { state: views[0]?.state ?? {}, inputs: views });
  const call = await ctx.call({ purpose: 'score', tag: '*', inputs: items, messages, n: p.samples, ...sampling(ctx, llm) });
  if (!call) {
    for (const item of items) ctx.prune(item, 'the combined scoring call failed');
    return;
  }
  const read = readAnswer(llm.reader, call.texts, views[0] as ThoughtView, ctx.env.functions);
  const scores = !read.ok ? null : Array.isArray(read.value) ? read.value : items.length === 1 ? [Number(read.value)] : null;
  if (!scores || scores.length !== items.length) {
    const why = !read.ok ? read.message : `expected ${items.length} scores, got ${scores ? scores.length : 'one value'}`;
    ctx.problem(`the combined score could not be read: ${why}`, 'error');
    for (const item of items) ctx.prune(item, `the combined score could not be read: ${why}`);
    return;
  }
  items.forEach((item, i) => ctx.output(ctx.annotate(item, { score: scores[i] as number, scored: true }, call.cp)));
};
