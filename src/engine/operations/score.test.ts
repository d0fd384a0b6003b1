import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';

const three = op('g', 'generate', [], params.generate(3, 'go'));
const answers = (c: { prompt: string }, i: number): string => (c.prompt === 'go' ? ['7', '2', '5'][i] ?? '' : 'x');

describe('Score', () => {
  test('a function scorer makes no request and annotates the same thoughts (no new vertex)', async () => {
    const model = scriptedModel({ answer: answers });
    const r = await runOps([three, op('s', 'score', ['g'], params.scoreExpr('number(state.current) * 2'))], {}, model);
    expect(r.summary.requests).toBe(1);
    const out = outputsOf(r, 's');
    expect(out.map((t) => t.id)).toEqual(['g/0.0.0', 'g/0.1.0', 'g/0.2.0']);
    expect(out.map((t) => t.score)).toEqual([14, 4, 10]);
    expect(r.grs.thoughtOrder).toHaveLength(4);
    expect(r.events.filter((e) => e.type === 'thought.annotated')).toHaveLength(3);
  });

  test('an individual LLM scorer sends one request per thought with n = samples and averages the samples', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt === 'go' ? `t${i}` : `score: ${c.prompt.length + i}`) });
    const scorer = { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } };
    const r = await runOps([three, op('s', 'score', ['g'], { scorer, samples: 3 })], {}, model);
    const scoreCalls = model.calls.filter((c) => c.prompt.startsWith('rate'));
    expect(scoreCalls).toHaveLength(3);
    expect(scoreCalls.every((c) => c.n === 3)).toBe(true);
    // 'rate t0' has 7 characters: samples 7, 8, 9 average to 8.
    expect(outputsOf(r, 's').map((t) => t.score)).toEqual([8, 8, 8]);
    expect(r.grs.operations.s?.totals).toMatchObject({ requests: 3, completions: 9 });
  });

  test('a combined LLM scorer sends one request for all thoughts and reads one score per thought from a list', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt === 'go' ? `t${i}` : 'scores: [3, 9, 4]') });
    const scorer = { kind: 'llm', prompt: 'rate all:{{#each inputs}} {{current}}{{/each}}', reader: { kind: 'list' } };
    const r = await runOps([three, op('s', 'score', ['g'], { scorer, combined: true })], {}, model);
    expect(model.calls.filter((c) => c.prompt.startsWith('rate all'))).toHaveLength(1);
    expect(model.calls[1]?.prompt).toBe('rate all: t0 t1 t2');
    expect(outputsOf(r, 's').map((t) => t.score)).toEqual([3, 9, 4]);
  });

  test('an unreadable LLM score drops the thought with the reason instead of leaving it unscored', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt === 'go' ? `t${i}` : c.prompt.endsWith('t1') ? 'no idea' : '5') });
    const scorer = { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } };
    const r = await runOps([three, op('s', 'score', ['g'], { scorer })], {}, model);
    expect(outputsOf(r, 's').map((t) => t.id)).toEqual(['g/0.0.0', 'g/0.2.0']);
    expect(r.grs.thoughts['g/0.1.0']?.pruned?.reason).toMatch(/could not be read/);
  });

  test('a parse-failed thought is scored like any other (the scorer decides what it is worth)', async () => {
    const model = scriptedModel({ answer: () => 'garbage' });
    const gen = op('g', 'generate', [], params.generate(1, 'go', { kind: 'list', key: 'current', items: 'numbers' }));
    const functions = builtinFunctions();
    functions.scorers['test.penalty'] = { label: 'penalty', help: '', fn: (t) => (t.parseError ? 300 : 0) };
    const r = await runOps([gen, op('s', 'score', ['g'], { scorer: { kind: 'function', name: 'test.penalty' } })], { current: [] }, model, { functions });
    expect(outputsOf(r, 's')[0]?.score).toBe(300);
  });
});
