import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';

describe('Generate', () => {
  test('as a root it sends one request with n = k from the input thought and makes one child per completion', async () => {
    const model = scriptedModel({ answer: (_c, i) => `answer ${i}` });
    const r = await runOps([op('g', 'generate', [], params.generate(3, 'solve {{current}}'))], { current: 'x', keep: 1 }, model);
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]?.n).toBe(3);
    expect(model.calls[0]?.prompt).toBe('solve x');
    expect(r.summary.requests).toBe(1);
    expect(r.summary.completions).toBe(3);
    const out = outputsOf(r, 'g');
    expect(out.map((t) => t.state)).toEqual([
      { current: 'answer 0', keep: 1 },
      { current: 'answer 1', keep: 1 },
      { current: 'answer 2', keep: 1 },
    ]);
    expect(out.every((t) => t.parents.length === 1 && t.parents[0] === 'input')).toBe(true);
    expect(out.map((t) => t.id)).toEqual(['g/0.0.0', 'g/0.1.0', 'g/0.2.0']);
  });

  test('makes one request per input thought, |T| requests and |T|·k completions', async () => {
    const model = scriptedModel({ answer: (c, i) => `${c.prompt}-${i}` });
    const r = await runOps(
      [op('a', 'generate', [], params.generate(2, '{{current}}')), op('b', 'generate', ['a'], params.generate(3, '{{current}}'))],
      { current: 'r' },
      model,
    );
    expect(r.summary.requests).toBe(3);
    expect(r.summary.completions).toBe(2 + 6);
    const out = outputsOf(r, 'b');
    expect(out.map((t) => t.state.current)).toEqual(['r-0-0', 'r-0-1', 'r-0-2', 'r-1-0', 'r-1-1', 'r-1-2']);
    expect(out[4]?.parents).toEqual(['a/0.1.0']);
  });

  test('parses one completion into several thoughts, each a child of the input with the same parents', async () => {
    const model = scriptedModel({ answer: () => 'Here: {"List 1": [3, 1], "List 2": [2], "List 3": []}' });
    const r = await runOps([op('split', 'generate', [], params.generate(1, 'split {{current}}', { kind: 'jsonParts', partKey: 'part', valueKeys: ['current'] }))], { current: '[3,1,2]' }, model);
    const out = outputsOf(r, 'split');
    expect(out.map((t) => t.state)).toEqual([
      { current: [3, 1], part: 'List 1' },
      { current: [2], part: 'List 2' },
      { current: [], part: 'List 3' },
    ]);
    expect(out.map((t) => t.origin?.part)).toEqual([0, 1, 2]);
    expect(new Set(out.map((t) => t.parents.join()))).toEqual(new Set(['input']));
  });

  test('a completion that parses into zero updates makes no thought', async () => {
    const model = scriptedModel({ answer: (_c, i) => (i === 0 ? '{}' : '{"a": 1}') });
    const r = await runOps([op('g', 'generate', [], params.generate(2, 'go', { kind: 'jsonParts' }))], {}, model);
    expect(outputsOf(r, 'g').map((t) => t.id)).toEqual(['g/0.1.0']);
    expect(r.summary.completions).toBe(2);
  });

  test("a parse failure still makes a thought with the parse error, the raw answer and the parent's state", async () => {
    const model = scriptedModel({ answer: () => 'no list here' });
    const r = await runOps([op('g', 'generate', [], params.generate(1, 'sort {{current}}', { kind: 'list', key: 'current', items: 'numbers' }))], { current: [2, 1] }, model);
    const [t] = outputsOf(r, 'g');
    expect(t?.state).toEqual({ current: [2, 1] });
    expect(t?.parseError?.raw).toBe('no list here');
    expect(t?.parseError?.message).toMatch(/list/);
    // No answer parsed: the run says so instead of completing on unparsed text.
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toMatch(/^g \(g\) could not parse its answer: .*list.*The answer began: "no list here"$/);
  });

  test("children get their own copy of the state, never the parent's object", async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const r = await runOps([op('g', 'generate', [], params.generate(2, 'go'))], { current: 'a', other: 1 }, model);
    const [a, b] = outputsOf(r, 'g');
    expect(a?.state).not.toBe(b?.state);
    expect(a?.state).not.toBe(r.grs.thoughts.input?.state);
  });

  test('uses the run defaults for temperature and max tokens when the operation leaves them empty', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    await runOps([op('g', 'generate', [], { ...params.generate(1), temperature: 0.3 })], { current: 'a' }, model, { defaults: { temperature: 1, maxTokens: 50 } });
    expect(model.calls[0]).toMatchObject({ temperature: 0.3, maxTokens: 50 });
  });

  test('fills {{branches}} from branchesPerPrompt', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    await runOps([op('g', 'generate', [], { ...params.generate(1, 'give {{branches}} answers'), branchesPerPrompt: 4 })], {}, model);
    expect(model.calls[0]?.prompt).toBe('give 4 answers');
  });
});
