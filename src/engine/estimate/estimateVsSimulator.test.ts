import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import { simulatorModel } from '../models/simulator/simulatorModel';
import { roughTokenCount } from '../models/tokens';
import { runGraph } from '../run/runGraph';
import { taskFunctions } from '../tasks/functions';
import { estimateRun } from './estimateRun';
import { likelyOf, type Range } from './range';
import { example, exampleNames } from './testing';

/** How far the estimate may stray from what the simulator bills, either way. */
const FACTOR = 1.25;
/** A priced model (gpt-4o's list price), so dollars weigh completion tokens four times prompt tokens. */
const PRICING = { promptPerMTok: 2.5, completionPerMTok: 10 };

describe('the run estimate against a simulator run of each gallery example’s default input', () => {
  it.each(exampleNames())('%s: requests and completions as run, tokens and dollars within 1.25× either way', async (name) => {
    const document = example(name);
    // The simulator bills about four characters a token: the estimate counts the same way.
    const estimate = estimateRun(document, PRICING, roughTokenCount).totals;
    const { summary } = await runGraph(document, {
      model: simulatorModel({ latencyMs: 0, tokenMs: 0 }),
      functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()),
      concurrency: Infinity,
      cache: false,
      seed: 1,
    });
    expect(summary.status).toBe('completed');
    const within = (r: Range, actual: number): void => {
      expect(actual, `between ${r.min} and ${r.max}`).toBeGreaterThanOrEqual(r.min);
      expect(actual, `between ${r.min} and ${r.max}`).toBeLessThanOrEqual(r.max);
    };
    within(estimate.requests, summary.requests);
    within(estimate.completions, summary.completions);
    if (estimate.requests.min === estimate.requests.max) expect(estimate.completions.min).toBe(summary.completions);
    const actualCost = (summary.promptTokens * PRICING.promptPerMTok + summary.completionTokens * PRICING.completionPerMTok) / 1e6;
    const pairs: Array<[string, number, number]> = [
      ['tokens', likelyOf(estimate.promptTokens) + likelyOf(estimate.completionTokens), summary.promptTokens + summary.completionTokens],
      ['dollars', likelyOf(estimate.cost), actualCost],
    ];
    for (const [what, expected, actual] of pairs) {
      const why = `estimated ${expected.toFixed(5)} ${what}, the simulator billed ${actual.toFixed(5)}`;
      expect(expected / actual, why).toBeLessThanOrEqual(FACTOR);
      expect(actual / expected, why).toBeLessThanOrEqual(FACTOR);
    }
  });
});
