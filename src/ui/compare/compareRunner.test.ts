import { describe, expect, it } from 'vitest';
import { BATCH_BUDGET_RULE, builtinFunctions, scriptedModel, type GotDocument } from '../../engine/index';
import { runComparison, type CompareDeps } from './compareRunner';
import { keptResults, memoryKeptStore } from './keptResults';

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

  const deps = (model: ReturnType<typeof scriptedModel>, concurrency: number): CompareDeps => ({
    prepareModel: async () => ({ model, cost: () => 0 }),
    functions: builtinFunctions(),
    input: async (_d, i) => ({ current: `row ${i}` }),
    concurrency,
    seed: 0,
  });

  it('runs the schemes side by side without a cap, so every scheme reports before any has finished all its rows', async () => {
    const model = scriptedModel({ answer: () => 'x', latency: 5 });
    const order: string[] = [];
    await runComparison([{ scheme: 'A', document: graph('A') }, { scheme: 'B', document: graph('B') }], [0, 1, 2], {
      ...deps(model, 4),
      onOutcome: (o) => order.push(o.scheme),
    });
    expect(order.slice(0, 2).sort()).toEqual(['A', 'B']);
    expect(model.maxInFlight).toBe(2);
  });

  it('keeps the calls in flight across side-by-side schemes under the one concurrency limit', async () => {
    const model = scriptedModel({ answer: () => 'x', latency: 5 });
    const three = ['A', 'B', 'C'].map((scheme) => ({ scheme, document: graph(scheme) }));
    const r = await runComparison(three, [0, 1], deps(model, 1));
    expect(model.maxInFlight).toBe(1);
    expect(r.rows.map((row) => row.samples)).toEqual([2, 2, 2]);
  });

  it('shows rows kept from an earlier run at once, marked kept, and runs only the rows it does not have', async () => {
    const kept = keptResults({ provider: 'test', baseUrl: 'test', model: 'test', price: { input: 0, output: 0 } }, 0, memoryKeptStore(), new Map());
    const first = scriptedModel({ answer: () => 'x' });
    await runComparison([{ scheme: 'A', document: graph('A') }], [0, 1], { ...deps(first, 2), kept });
    expect(first.calls).toHaveLength(4);
    const again = scriptedModel({ answer: () => 'x' });
    const r = await runComparison([{ scheme: 'A again', document: { ...graph('A'), title: 'renamed' } }], [0, 1, 2], { ...deps(again, 2), kept });
    expect(again.calls).toHaveLength(2);
    expect(r.outcomes.map((o) => `${o.scheme} ${o.sampleIndex} ${o.kept ? 'kept' : 'ran'}`)).toEqual(['A again 0 kept', 'A again 1 kept', 'A again 2 ran']);
    expect(r.rows[0]?.samples).toBe(3);
  });

  it('keeps the outcomes that finished when the comparison is cancelled', async () => {
    const model = scriptedModel({ answer: () => 'x', latency: 5 });
    const abort = new AbortController();
    const seen: string[] = [];
    const r = await runComparison([{ scheme: 'A', document: graph('A') }], [0, 1, 2, 3], {
      ...deps(model, 2),
      signal: abort.signal,
      onOutcome: (o) => {
        seen.push(`${o.scheme} ${o.sampleIndex}`);
        if (seen.length === 2) abort.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.outcomes.map((o) => `${o.scheme} ${o.sampleIndex} ${o.status}`)).toEqual(['A 0 completed', 'A 1 completed']);
    expect(r.rows[0]?.samples).toBe(2);
  });
});
