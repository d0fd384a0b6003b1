import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import { simulatorModel } from '../models/simulator/simulatorModel';
import { runGraph } from '../run/runGraph';
import { taskFunctions } from '../tasks/functions';
import { estimateRun } from './estimateRun';
import { example } from './testing';

/** How far the token estimate may stray from what the simulator bills, either way (measured: 0.89× for CoT-32 to 1.18× for ToT-128). */
const TOKEN_FACTOR = 1.25;

const sortingExamples = ['032', '064', '128'].flatMap((size) => ['io', 'cot', 'tot', 'tot2', 'got'].map((scheme) => `sorting-${size}-${scheme}`));

describe('the run estimate against a simulator run', () => {
  it.each(sortingExamples)('%s: requests and completions exactly, tokens within 1.25×', async (name) => {
    const document = example(name);
    const estimate = estimateRun(document).totals;
    const { summary } = await runGraph(document, {
      model: simulatorModel({ latencyMs: 0, tokenMs: 0 }),
      functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()),
      concurrency: Infinity,
      cache: false,
      seed: 1,
    });
    expect(summary.status).toBe('completed');
    expect(estimate.requests).toEqual({ min: summary.requests, max: summary.requests });
    expect(estimate.completions).toEqual({ min: summary.completions, max: summary.completions });
    const actual = summary.promptTokens + summary.completionTokens;
    const expected = estimate.promptTokens.max + estimate.completionTokens.max;
    const why = `estimated ${expected} tokens, the simulator billed ${actual}`;
    expect(expected / actual, why).toBeLessThanOrEqual(TOKEN_FACTOR);
    expect(actual / expected, why).toBeLessThanOrEqual(TOKEN_FACTOR);
  });
});
