import { describe, expect, test } from 'vitest';
import { mergeFunctionRegistries, builtinFunctions } from '../functions/builtins';
import { scriptedModel } from '../models/scripted';
import { taskFunctions } from '../tasks/functions';
import { runGraph } from './runGraph';
import { doc, op, params } from './testing';

const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
// Three sorting answers with errors 0, 2 and 1 (no Keep Best N to declare a direction).
const answers = ['[1, 2, 3]', '[3, 2, 1]', '[2, 1, 3]'];
const sample = (task?: string) => {
  const d = doc(
    [
      op('g', 'generate', [], params.generate(3, 'sort {{original}}', { kind: 'list', key: 'current', items: 'numbers' })),
      op('s', 'score', ['g'], { scorer: { kind: 'function', name: 'sorting.error' } }),
      op('t', 'groundTruth', ['s'], { evaluator: { kind: 'function', name: 'sorting.solved' } }),
    ],
    { original: [3, 1, 2] },
  );
  return task ? { ...d, task } : d;
};

describe('the run summary', () => {
  test("without a Keep Best N the best score follows the document task's direction (lowest error for sorting)", async () => {
    const r = await runGraph(sample('sorting'), { model: scriptedModel({ answer: (_c, i) => answers[i] ?? '' }), functions });
    expect(r.summary.finalThoughtIds).toHaveLength(3);
    expect(r.summary.bestScore).toBe(0);
    expect(r.summary.solved).toBe(true);
  });

  test('with no task and no Keep Best N the highest final score is the best', async () => {
    const r = await runGraph(sample(), { model: scriptedModel({ answer: (_c, i) => answers[i] ?? '' }), functions });
    expect(r.summary.bestScore).toBe(2);
  });
});
