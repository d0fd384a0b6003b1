import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';

describe('Improve', () => {
  test('makes one request and one child per input thought, in input order', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt.startsWith('improve') ? `${c.prompt.slice(8)}+` : `v${i}`) });
    const r = await runOps([op('g', 'generate', [], params.generate(3, 'go')), op('i', 'improve', ['g'], params.improve('improve {{current}}'))], { other: true }, model);
    expect(r.grs.operations.i?.totals).toMatchObject({ requests: 3, completions: 3 });
    const out = outputsOf(r, 'i');
    expect(out.map((t) => t.state)).toEqual([
      { current: 'v0+', other: true },
      { current: 'v1+', other: true },
      { current: 'v2+', other: true },
    ]);
    expect(out.map((t) => t.parents[0])).toEqual(['g/0.0.0', 'g/0.1.0', 'g/0.2.0']);
    expect(out.map((t) => t.latency)).toEqual([2, 2, 2]);
  });

  test('lays every parsed update over one child (an improve never branches)', async () => {
    const model = scriptedModel({ answer: () => '{"a": 1, "b": 2}' });
    const r = await runOps([op('i', 'improve', [], { prompt: 'fix', parser: { kind: 'jsonParts', partKey: 'p', valueKeys: ['v'] } })], { v: 0 }, model);
    const out = outputsOf(r, 'i');
    expect(out).toHaveLength(1);
    expect(out[0]?.state).toEqual({ p: 'b', v: 2 });
  });

  test('an answer the parser cannot read keeps the parent state and the raw answer on the child', async () => {
    const model = scriptedModel({ answer: () => 'sorry, no list' });
    const r = await runOps([op('i', 'improve', [], { prompt: 'fix', parser: { kind: 'list', key: 'current', items: 'numbers' } })], { current: [2, 1] }, model);
    const [child] = outputsOf(r, 'i');
    expect(child?.state).toEqual({ current: [2, 1] });
    expect(child?.state).not.toBe(r.grs.thoughts.input?.state);
    expect(child?.parseError?.raw).toBe('sorry, no list');
  });
});
