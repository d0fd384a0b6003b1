import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { runGraph } from './runGraph';
import { gotSortingShape, sortingAnswer, syntheticAnswer, syntheticShape } from './shapes';

describe('GoT sorting shape', () => {
  test.each([
    [2, 5, 31],
    [4, 11, 71],
    [8, 23, 151],
  ])('with %i parts it makes the reference request / completion counts (%i / %i)', async (parts, requests, completions) => {
    const input = Array.from({ length: parts * 16 }, (_, i) => (i * 7) % 10);
    const model = scriptedModel({ answer: sortingAnswer });
    const r = await runGraph(gotSortingShape(parts, input), { model, functions: builtinFunctions() });
    expect(r.summary.status).toBe('completed');
    expect(r.summary.requests).toBe(requests);
    expect(r.summary.completions).toBe(completions);
    expect(r.summary.finalThoughtIds).toHaveLength(1);
  });

  test('the synthetic benchmark graph makes over a thousand thoughts', async () => {
    const model = scriptedModel({ answer: syntheticAnswer });
    const r = await runGraph(syntheticShape(), { model, functions: builtinFunctions(), concurrency: Infinity });
    expect(r.summary.status).toBe('completed');
    expect(r.grs.thoughtOrder.length).toBeGreaterThan(1000);
  });
});
