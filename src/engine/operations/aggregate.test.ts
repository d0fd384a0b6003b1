import { describe, expect, test } from 'vitest';
import { viewOf } from '../functions/testing';
import type { ThoughtView } from '../functions/types';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';
import { aggregateBase } from './aggregate';

const view = (id: string, state: ThoughtView['state'], score: number | null): ThoughtView => viewOf(state, { id, score, scored: score !== null });

describe('Aggregate', () => {
  test('sends one prompt over all inputs in input order; each completion becomes a thought whose parents are all the inputs', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt.startsWith('merge') ? `merged ${i}` : c.prompt) });
    const r = await runOps(
      [
        op('a', 'generate', [], params.generate(1, 'A')),
        op('b', 'generate', [], params.generate(1, 'B')),
        op('m', 'aggregate', ['b', 'a'], params.aggregate(2, 'merge{{#each inputs}} {{@n}}={{current}}{{/each}}')),
      ],
      {},
      model,
    );
    const mergeCall = model.calls.find((c) => c.prompt.startsWith('merge'));
    expect(mergeCall?.prompt).toBe('merge 1=B 2=A');
    expect(mergeCall?.n).toBe(2);
    const out = outputsOf(r, 'm');
    expect(out.map((t) => t.state.current)).toEqual(['merged 0', 'merged 1']);
    expect(out[0]?.parents).toEqual(['b/0.0.0', 'a/0.0.0']);
    expect(r.summary.requests).toBe(3);
    expect(r.summary.completions).toBe(4);
  });

  test('with no inputs it sends no request and outputs nothing (and says why it was skipped)', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const r = await runOps([op('none', 'selector', [], { selector: { kind: 'filter', expr: 'false' } }), op('m', 'aggregate', ['none'], params.aggregate())], {}, model);
    expect(model.calls).toHaveLength(0);
    expect(r.grs.operations.m?.status).toBe('skipped');
    expect(r.grs.operations.m?.outputs).toEqual([]);
    expect(r.grs.logs.some((l) => l.opId === 'm' && /skipped/.test(l.message))).toBe(true);
    // The final operation produced nothing, so the run did not do its job.
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toBe('none (none) passed on no thoughts, so the final operation m (m) produced nothing');
  });

  test('an answer the parser cannot read still makes a thought of all the inputs, with the raw answer kept', async () => {
    const model = scriptedModel({ answer: (c) => (c.prompt === 'merge' ? 'no list here' : '[1]') });
    const list = { kind: 'list', key: 'current', items: 'numbers' };
    const r = await runOps(
      [op('a', 'generate', [], params.generate(1, 'A', list)), op('b', 'generate', [], params.generate(1, 'B', list)), op('m', 'aggregate', ['a', 'b'], { prompt: 'merge', parser: list })],
      {},
      model,
    );
    const [merged] = outputsOf(r, 'm');
    expect(merged?.parents).toEqual(['a/0.0.0', 'b/0.0.0']);
    expect(merged?.parseError).toEqual({ message: expect.stringContaining('bracketed list'), raw: 'no list here' });
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toMatch(/^m \(m\) could not parse its answer: .*bracketed list/);
  });

  test("the base state merges the inputs' states in ascending score order, so the highest-scored input's keys win", () => {
    const base = aggregateBase([view('1', { current: 'best', a: 1 }, 9), view('2', { current: 'worst', b: 2 }, 1), view('3', { current: 'unscored', c: 3 }, null)], []);
    expect(base).toEqual({ current: 'best', a: 1, b: 2, c: 3 });
  });

  test('concatKeys are concatenated in input order: lists joined, strings joined with a newline', () => {
    const base = aggregateBase([view('1', { items: [1, 2], text: 'one' }, 5), view('2', { items: [3], text: 'two' }, 1)], ['items', 'text']);
    expect(base.items).toEqual([1, 2, 3]);
    expect(base.text).toBe('one\ntwo');
  });

  test('ties in score keep input order in the merge (the later input wins)', () => {
    expect(aggregateBase([view('1', { current: 'first' }, 2), view('2', { current: 'second' }, 2)], []).current).toBe('second');
  });
});
