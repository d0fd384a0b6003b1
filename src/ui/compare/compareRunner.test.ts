import { describe, expect, it } from 'vitest';
import { BATCH_BUDGET_RULE, builtinFunctions, scriptedModel, type GotDocument } from '../../engine/index';
import { runComparison } from './compareRunner';

const graph = (title: string): GotDocument => ({
  format: 'got-studio',
  version: 2,
  title,
  description: '',
  input: { current: '' },
  comments: [],
  operations: [
    { id: 'gen', type: 'generate', inputs: [], params: { prompt: 'Solve {{current}}' } },
    { id: 'imp', type: 'improve', inputs: ['gen'], params: { prompt: 'Improve {{current}}' } },
  ],
});

describe('compare runner', () => {
  it('shares one budget across every scheme and sample, and stops with the engine’s batch budget sentence', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const outcomes: string[] = [];
    const r = await runComparison([{ scheme: 'A', document: graph('A') }, { scheme: 'B', document: graph('B') }], [0, 1], {
      prepareModel: async () => ({ model, cost: () => 0 }),
      functions: builtinFunctions(),
      input: async (_d, i) => ({ current: `row ${i}` }),
      concurrency: 4,
      seed: 0,
      budget: { requests: 5 },
      onOutcome: (o) => outcomes.push(`${o.scheme} ${o.sampleIndex} ${o.status}`),
    });
    // Two requests per run: A0, A1, then B0 gets the one request left.
    expect(model.calls).toHaveLength(5);
    expect(outcomes).toEqual(['A 0 completed', 'A 1 completed', 'B 0 budget']);
    expect(r.stop).toBe(`Budget hit: the requests cap of 5 was reached at sample B · row 0. ${BATCH_BUDGET_RULE}`);
    expect(r.rows.map((row) => row.scheme)).toEqual(['A', 'B']);
  });
});
