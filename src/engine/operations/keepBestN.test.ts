import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';

const gen = (values: string[]) => ({
  model: scriptedModel({ answer: (_c, i) => values[i] ?? '' }),
  ops: [op('g', 'generate', [], params.generate(values.length, 'go')), op('s', 'score', ['g'], params.scoreExpr('number(state.current)'))],
});

describe('Keep Best N', () => {
  test('keeps the n best, best first, and marks the others pruned with the reason', async () => {
    const { model, ops } = gen(['3', '12', '7', '1']);
    const r = await runOps([...ops, op('k', 'keepBestN', ['s'], params.keepBest(2))], {}, model);
    expect(outputsOf(r, 'k').map((t) => t.state.current)).toEqual(['12', '7']);
    expect(r.grs.thoughts['g/0.0.0']?.pruned).toEqual({ opId: 'k', reason: 'not among the best 2 (score 3 vs 7)' });
    expect(r.grs.thoughts['g/0.1.0']?.pruned).toBeNull();
    expect(r.grs.thoughtOrder).toHaveLength(5);
  });

  test('lower is better when higherIsBetter is off', async () => {
    const { model, ops } = gen(['3', '12', '7', '1']);
    const r = await runOps([...ops, op('k', 'keepBestN', ['s'], params.keepBest(1, false))], {}, model);
    expect(outputsOf(r, 'k').map((t) => t.state.current)).toEqual(['1']);
    expect(r.grs.thoughts['g/0.1.0']?.pruned?.reason).toBe('not among the best 1 (score 12 vs 1)');
    expect(r.summary.bestScore).toBe(1);
  });

  test('ties keep input order: the earliest input wins', async () => {
    const { model, ops } = gen(['5', '9', '9', '9']);
    const r = await runOps([...ops, op('k', 'keepBestN', ['s'], params.keepBest(2))], {}, model);
    expect(outputsOf(r, 'k').map((t) => t.id)).toEqual(['g/0.1.0', 'g/0.2.0']);
  });

  test('input order across predecessors follows the edge order', async () => {
    const model = scriptedModel({ answer: () => '4' });
    const r = await runOps(
      [
        op('a', 'generate', [], params.generate(1, 'a')),
        op('b', 'generate', [], params.generate(1, 'b')),
        op('sa', 'score', ['a'], params.scoreExpr('number(state.current)')),
        op('sb', 'score', ['b'], params.scoreExpr('number(state.current)')),
        op('k', 'keepBestN', ['sb', 'sa'], params.keepBest(1)),
      ],
      {},
      model,
    );
    expect(outputsOf(r, 'k').map((t) => t.id)).toEqual(['b/0.0.0']);
  });

  test('keeps every input, best first, when n is more than it gets', async () => {
    const { model, ops } = gen(['3', '12']);
    const r = await runOps([...ops, op('k', 'keepBestN', ['s'], params.keepBest(5))], {}, model);
    expect(outputsOf(r, 'k').map((t) => t.state.current)).toEqual(['12', '3']);
    expect(Object.values(r.grs.thoughts).filter((t) => t.pruned)).toEqual([]);
  });

  test('an unscored input is a run error that names the operation', async () => {
    const model = scriptedModel({ answer: () => '1' });
    const r = await runOps(
      [
        op('a', 'generate', [], params.generate(1, 'a')),
        op('s', 'score', ['a'], params.scoreExpr('1')),
        op('g', 'generate', [], params.generate(2, 'go')),
        op('best', 'keepBestN', ['s', 'g'], params.keepBest(1)),
      ],
      {},
      model,
    );
    expect(r.grs.operations.best?.status).toBe('failed');
    expect(r.grs.operations.best?.error).toMatch(/best \(best\).*unscored thought \(g\/0\.0\.0\)/);
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toMatch(/best/);
    expect(r.summary.finalThoughtIds).toEqual([]);
  });
});
