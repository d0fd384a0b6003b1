import { describe, expect, test } from 'vitest';
import { builtinFunctions } from '../functions/builtins';
import { rebuildGrs } from '../grs/reduce';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';

const threeAnswers = (values: string[]) => scriptedModel({ answer: (c, i) => (c.prompt === 'go' ? (values[i] ?? '') : 'x') });

describe('Keep Valid', () => {
  test('keeps valid thoughts and thoughts that were never validated, drops the invalid ones', async () => {
    const model = threeAnswers(['good', 'bad', 'good']);
    const r = await runOps(
      [
        op('g', 'generate', [], params.generate(3, 'go')),
        op('v', 'validateAndImprove', ['g'], { prompt: 'fix', improve: false, validator: { kind: 'filter', expr: 'state.current == "good"' } }),
        op('raw', 'generate', [], params.generate(1, 'go')),
        op('kv', 'keepValid', ['v', 'raw']),
      ],
      {},
      model,
    );
    expect(outputsOf(r, 'kv').map((t) => t.id)).toEqual(['g/0.0.0', 'g/0.2.0', 'raw/0.0.0']);
    expect(r.grs.thoughts['g/0.1.0']?.pruned).toEqual({ opId: 'kv', reason: 'validated as invalid' });
    expect(r.grs.thoughts['raw/0.0.0']?.validated).toBe(false);
  });
});

describe('Ground Truth', () => {
  test('sets solved on each thought without making a vertex', async () => {
    const model = threeAnswers(['4', '5']);
    const r = await runOps([op('g', 'generate', [], params.generate(2, 'go')), op('gt', 'groundTruth', ['g'], { evaluator: { kind: 'filter', expr: 'state.current == "5"' } })], {}, model);
    expect(outputsOf(r, 'gt').map((t) => [t.solved, t.compared])).toEqual([
      [false, true],
      [true, true],
    ]);
    expect(r.summary.solved).toBe(true);
    expect(r.grs.thoughtOrder).toHaveLength(3);
  });

  test('an evaluator that throws gives solved = false and a warning', async () => {
    const functions = builtinFunctions();
    functions.evaluators['test.throws'] = { label: 't', help: '', fn: () => { throw new Error('boom'); } };
    const r = await runOps([op('g', 'generate', [], params.generate(1, 'go')), op('gt', 'groundTruth', ['g'], { evaluator: { kind: 'function', name: 'test.throws' } })], {}, threeAnswers(['1']), { functions });
    expect(outputsOf(r, 'gt')[0]).toMatchObject({ solved: false, compared: true });
    expect(r.grs.logs.some((l) => l.level === 'warn' && /boom/.test(l.message))).toBe(true);
    expect(r.summary.solved).toBe(false);
  });
});

describe('Selector', () => {
  test('a filter keeps matching thoughts one by one and marks the rest pruned', async () => {
    const model = scriptedModel({ answer: () => '{"List 1": [1], "List 2": [2], "List 3": [3]}' });
    const r = await runOps(
      [op('split', 'generate', [], params.generate(1, 'go', { kind: 'jsonParts' })), op('sel', 'selector', ['split'], { selector: { kind: 'filter', expr: 'state.part == "List 2"' } })],
      {},
      model,
    );
    expect(outputsOf(r, 'sel').map((t) => t.state.current)).toEqual([[2]]);
    expect(r.grs.thoughts['split/0.0.0']?.pruned?.reason).toBe('not selected by state.part == "List 2"');
  });

  test('a part that one Selector of a split takes is not marked pruned by the Selectors that leave it', async () => {
    const model = scriptedModel({ answer: () => '{"List 1": [1], "List 2": [2]}' });
    const r = await runOps(
      [
        op('split', 'generate', [], params.generate(1, 'go', { kind: 'jsonParts' })),
        op('one', 'selector', ['split'], { selector: { kind: 'filter', expr: 'state.part == "List 1"' } }),
        op('two', 'selector', ['split'], { selector: { kind: 'filter', expr: 'state.part == "List 2"' } }),
        op('none', 'selector', ['split'], { selector: { kind: 'filter', expr: 'false' } }),
      ],
      {},
      model,
    );
    expect(r.grs.thoughts['split/0.0.0']?.pruned).toBeNull();
    expect(r.grs.thoughts['split/0.0.1']?.pruned).toBeNull();
    expect(rebuildGrs(r.events)).toEqual(r.grs);
  });

  test('a later filter that drops a thought an earlier filter kept marks it pruned', async () => {
    const model = threeAnswers(['3', '9', '1']);
    const r = await runOps(
      [
        op('g', 'generate', [], params.generate(3, 'go')),
        op('s', 'score', ['g'], params.scoreExpr('number(state.current)')),
        op('k2', 'keepBestN', ['s'], params.keepBest(2)),
        op('k1', 'keepBestN', ['k2'], params.keepBest(1)),
      ],
      {},
      model,
    );
    expect(r.grs.thoughts['g/0.0.0']?.pruned?.opId).toBe('k1');
    expect(r.grs.thoughts['g/0.1.0']?.pruned).toBeNull();
    expect(r.grs.thoughts['g/0.2.0']?.pruned?.opId).toBe('k2');
  });

  test('as a root it applies to the input thought', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const pass = await runOps([op('sel', 'selector', [], { selector: { kind: 'filter', expr: 'state.n > 1' } }), op('g', 'generate', ['sel'], params.generate(1))], { n: 2, current: 'c' }, model);
    expect(outputsOf(pass, 'sel').map((t) => t.id)).toEqual(['input']);
    expect(model.calls).toHaveLength(1);
    const stop = await runOps([op('sel', 'selector', [], { selector: { kind: 'filter', expr: 'state.n > 1' } }), op('g', 'generate', ['sel'], params.generate(1))], { n: 0, current: 'c' }, model);
    expect(outputsOf(stop, 'sel')).toEqual([]);
    expect(stop.grs.operations.g?.status).toBe('skipped');
  });

  test('a named selector sees all inputs at once, in input order', async () => {
    const model = threeAnswers(['3', '9', '1']);
    const r = await runOps(
      [op('g', 'generate', [], params.generate(3, 'go')), op('s', 'score', ['g'], params.scoreExpr('number(state.current)')), op('sel', 'selector', ['s'], { selector: { kind: 'function', name: 'best' } })],
      {},
      model,
    );
    expect(outputsOf(r, 'sel').map((t) => t.state.current)).toEqual(['9']);
    expect(r.grs.thoughts['g/0.0.0']?.pruned?.reason).toBe('not selected by best');
  });
});
