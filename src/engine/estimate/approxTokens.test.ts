import { countTokens as cl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { countTokens as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import { simulatorModel } from '../models/simulator/simulatorModel';
import { roughTokenCount } from '../models/tokens';
import { runGraph } from '../run/runGraph';
import { taskFunctions } from '../tasks/functions';
import { approxTokens } from './approxTokens';
import { estimateRun, roughTokens } from './estimateRun';
import { example } from './testing';

/** The texts a run sends and receives: every prompt and every answer. */
async function textsOf(name: string): Promise<string[]> {
  const { events } = await runGraph(example(name), { model: simulatorModel({ latencyMs: 0, tokenMs: 0 }), functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()), concurrency: Infinity });
  return events.flatMap((e) => (e.type === 'call.start' ? e.messages.map((m) => m.content) : e.type === 'call.done' ? e.texts : []));
}

describe('token counts without the tokenizer tables', () => {
  it.each(['sorting-128-got', 'set-intersection-064-tot', 'keyword-counting-got4', 'keyword-counting-cot', 'doc-merge-io'])('counts the texts of %s within 5% of o200k and cl100k', async (name) => {
    const texts = await textsOf(name);
    const sum = (count: (t: string) => number): number => texts.reduce((n, t) => n + count(t), 0);
    const approx = sum(approxTokens);
    for (const exact of [sum(o200k), sum(cl100k)]) expect(Math.abs(approx / exact - 1), `${approx} against ${exact}`).toBeLessThanOrEqual(0.05);
  });

  it('counts a list of digits as a tokenizer does: each number, its comma and its space', () => {
    expect(approxTokens('[3, 1, 2]')).toBe(o200k('[3, 1, 2]'));
    expect(approxTokens('The parties agree.')).toBe(o200k('The parties agree.'));
  });

  it('marks an estimate approximate when it guessed the tokens, not when it counted them as the model bills', () => {
    const doc = example('sorting-032-io');
    expect(estimateRun(doc, undefined, approxTokens).approximate).toBe(true);
    expect(estimateRun(doc, undefined, roughTokens).approximate).toBe(true);
    expect(estimateRun(doc, undefined, roughTokenCount).approximate).toBe(false);
    expect(estimateRun(doc, undefined, (t) => o200k(t)).approximate).toBe(false);
  });
});
