import { describe, expect, test } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { buildSortingExample } from '../tasks/examples/index';
import { taskFunctions } from '../tasks/functions';
import { answerSnippet } from './outcome';
import { runGraph } from './runGraph';
import { op, params, runOps } from './testing';

const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const list = { kind: 'list', key: 'current', items: 'numbers' };

describe('a run ends failed, with the reason, when it did not do its job', () => {
  test('GoT sorting-32 whose model answers in prose: the split cannot parse it, and the run fails naming the split, the parse error and the answer', async () => {
    const numbers = Array.from({ length: 32 }, (_, i) => (i * 7) % 10);
    const doc = buildSortingExample(32, 'GoT', { original: numbers, current: numbers });
    const r = await runGraph(doc, { model: scriptedModel({ answer: () => 'I am sorry,\nI cannot help with sorting today.' }), functions });
    expect(r.summary.status).toBe('failed');
    expect(r.summary.finalThoughtIds).toEqual([]);
    const split = doc.operations[0];
    expect(r.summary.reason).toBe(
      `${split?.label} (${split?.id}) could not parse its answer: ${r.grs.thoughts['split/0.0.0']?.parseError?.message}. The answer began: "I am sorry, I cannot help with sorting today."`,
    );
  });

  test('an operation none of whose answers parse fails the run even when later operations still produce thoughts', async () => {
    const model = scriptedModel({ answer: (c) => (c.prompt === 'sort' ? 'no list' : '[1, 2]') });
    const r = await runOps([op('g', 'generate', [], params.generate(3, 'sort', list)), op('i', 'improve', ['g'], { prompt: 'fix', parser: list })], {}, model);
    expect(r.summary.finalThoughtIds).toHaveLength(3);
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toMatch(/^g \(g\) could not parse any of its 3 answers: .*The answer began: "no list"$/);
  });

  test('some answers that do not parse among others that do: the run completes', async () => {
    const model = scriptedModel({ answer: (_c, i) => (i === 0 ? 'no list' : '[1, 2]') });
    const r = await runOps([op('g', 'generate', [], params.generate(3, 'sort', list))], {}, model);
    expect(r.summary.status).toBe('completed');
    expect(r.summary.reason).toBeUndefined();
  });

  test('a final operation that produced nothing fails the run, naming where the thoughts ran out', async () => {
    const model = scriptedModel({ answer: () => '[1, 2]' });
    const r = await runOps(
      [op('g', 'generate', [], params.generate(2, 'sort', list)), op('v', 'selector', ['g'], { selector: { kind: 'filter', expr: 'len(state.current) > 5' } }), op('i', 'improve', ['v'], { prompt: 'fix', parser: list })],
      {},
      model,
    );
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toBe('v (v) passed on no thoughts, so the final operation i (i) produced nothing');
  });

  test('an answer snippet is one line of at most 120 characters', () => {
    expect(answerSnippet('  a\n\n b\tc ')).toBe('a b c');
    expect(answerSnippet('x'.repeat(200))).toBe(`${'x'.repeat(120)}…`);
  });
});
