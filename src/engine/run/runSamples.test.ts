import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { ModelError } from '../models/types';
import { GraphInvalidError } from './errors';
import { runSamples, type BatchProgressEvent, type BatchSample } from './runSamples';
import { BATCH_BUDGET_RULE, SharedBudget } from './sharedBudget';
import { doc, op, params } from './testing';

// Two requests per sample: generate, then improve.
const graph = doc([op('g', 'generate', [], params.generate(1, 'go {{current}}')), op('i', 'improve', ['g'], params.improve())], { current: 'doc' });
const samples = (n: number): BatchSample[] => Array.from({ length: n }, (_, i) => ({ label: `#${i}`, sampleIndex: i, input: { current: `s${i}` } }));
const usage = () => ({ promptTokens: 60, completionTokens: 40 });

function batch(n: number, extra: Partial<Parameters<typeof runSamples>[1]> = {}) {
  const model = scriptedModel({ answer: (c) => `${c.prompt}!`, usage });
  const progress: BatchProgressEvent[] = [];
  const run = runSamples(graph, { samples: samples(n), functions: builtinFunctions(), prepare: () => ({ model, cost: () => 0.01 }), onProgress: (e) => progress.push(e), ...extra });
  return { model, progress, run };
}

describe('runSamples', () => {
  test('runs each sample in turn on its own input and reports each as it starts and finishes', async () => {
    const { model, progress, run } = batch(3);
    const r = await run;
    expect(r.stop).toBeNull();
    expect(r.runs.map((x) => (x.kind === 'ran' ? [x.sample.label, x.summary.status] : null))).toEqual([
      ['#0', 'completed'],
      ['#1', 'completed'],
      ['#2', 'completed'],
    ]);
    expect(model.calls[0]?.prompt).toBe('go s0');
    expect(progress.map((e) => `${e.type} ${e.position}`)).toEqual(['sample.start 0', 'sample.done 0', 'sample.start 1', 'sample.done 1', 'sample.start 2', 'sample.done 2']);
    expect(r.used).toEqual({ requests: 6, tokens: 600, cost: expect.closeTo(0.06) });
  });

  test('a budget caps the whole batch: a sample that runs it out stops the batch with the reason', async () => {
    const { model, run } = batch(5, { budget: { requests: 3 } });
    const r = await run;
    // Sample #0 takes 2 requests; #1 gets the 1 left and stops for the budget.
    expect(model.calls).toHaveLength(3);
    expect(r.runs.map((x) => (x.kind === 'ran' ? x.summary.status : x.kind))).toEqual(['completed', 'budget']);
    expect(r.stop).toMatchObject({ kind: 'budget', cap: 'requests', label: '#1' });
    expect(r.stop?.message).toBe(`Budget hit: the requests cap of 3 was reached at sample #1. ${BATCH_BUDGET_RULE}`);
  });

  test('a budget spent exactly by one sample stops the batch before the next one starts', async () => {
    const { model, run } = batch(3, { budget: { tokens: 200 } });
    const r = await run;
    expect(model.calls).toHaveLength(2);
    expect(r.runs).toHaveLength(1);
    expect(r.stop).toMatchObject({ kind: 'budget', cap: 'tokens', label: '#1' });
    expect(r.stop?.message).toMatch(/^Budget hit: the tokens cap of 200 was reached at sample #1\./);
  });

  test('one SharedBudget spans several batches (Compare’s schemes share one cap)', async () => {
    const shared = new SharedBudget({ requests: 5 });
    const first = await batch(2, { budget: shared }).run;
    expect(first.stop).toBeNull();
    const second = await batch(2, { budget: shared }).run;
    expect(second.used.requests).toBe(1);
    expect(second.stop).toMatchObject({ kind: 'budget', label: '#0' });
    expect(shared.used.requests).toBe(5);
  });

  test('a sample that cannot be prepared is marked not run and the batch goes on', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const r = await runSamples(graph, {
      samples: samples(3),
      functions: builtinFunctions(),
      prepare: (s) => {
        if (s.sampleIndex === 1) throw new Error('no row 1');
        return { model };
      },
    });
    expect(r.runs.map((x) => x.kind)).toEqual(['ran', 'not run', 'ran']);
    expect(r.runs[1]).toMatchObject({ kind: 'not run', error: 'no row 1' });
  });

  test('a cancel stops the batch at once and keeps the samples that finished', async () => {
    const controller = new AbortController();
    const model = scriptedModel({ answer: () => 'x', latency: 10 });
    const r = await runSamples(graph, {
      samples: samples(5),
      functions: builtinFunctions(),
      signal: controller.signal,
      prepare: () => ({ model }),
      onProgress: (e) => {
        if (e.type === 'sample.done' && e.position === 1) controller.abort();
      },
    });
    expect(r.runs).toHaveLength(2);
    expect(r.stop?.kind).toBe('cancelled');
  });

  test('a failure the caller calls fatal stops the batch; other failures do not', async () => {
    const failing = scriptedModel({ answer: () => 'x', fail: () => new ModelError('connection', 'down') });
    const r = await runSamples(graph, { samples: samples(3), functions: builtinFunctions(), prepare: () => ({ model: failing }), stopAfterFailure: (run) => (run.sample.label === '#1' ? 'the model is unreachable' : null) });
    expect(r.runs).toHaveLength(2);
    expect(r.stop).toEqual({ kind: 'failure', label: '#1', message: 'the model is unreachable' });
  });

  test('an invalid graph is refused before any sample runs', async () => {
    await expect(runSamples(doc([op('i', 'improve', ['nope'], params.improve())]), { samples: samples(1), functions: builtinFunctions(), prepare: () => ({ model: scriptedModel({ answer: () => 'x' }) }) })).rejects.toThrow(GraphInvalidError);
  });
});
