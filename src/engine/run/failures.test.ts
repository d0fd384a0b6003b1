import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { ModelError } from '../models/types';
import { GraphInvalidError } from './errors';
import { doc, op, outputsOf, params, runOps } from './testing';
import { runGraph } from './runGraph';
import { builtinFunctions } from '../functions/builtins';

const fanOut = [op('split', 'generate', [], params.generate(1, 'split', { kind: 'jsonParts' })), op('imp', 'improve', ['split'], params.improve('improve {{current}}')), op('s', 'score', ['imp'], params.scoreExpr('len(state.current)'))];
const threeParts = '{"a": "one", "b": "two", "c": "three"}';

describe('model failures', () => {
  test('a failed call is reported and the other thoughts of the operation go on', async () => {
    const model = scriptedModel({
      answer: (c) => (c.prompt === 'split' ? threeParts : `${c.prompt}!`),
      fail: (c) => (c.prompt === 'improve two' ? new ModelError('server', 'HTTP 500 from the server', 500) : undefined),
    });
    const r = await runOps(fanOut, {}, model);
    const errors = r.events.filter((e) => e.type === 'call.error');
    expect(errors).toMatchObject([{ opId: 'imp', kind: 'server', message: 'HTTP 500 from the server' }]);
    expect(outputsOf(r, 'imp').map((t) => t.state.current)).toEqual(['improve one!', 'improve three!']);
    expect(r.grs.operations.imp).toMatchObject({ status: 'done' });
    expect(r.grs.operations.imp?.error).toMatch(/HTTP 500/);
    expect(r.grs.operations.s?.status).toBe('done');
    expect(r.summary.status).toBe('completed');
  });

  test('when every call fails the operation fails, later ones are skipped with a reason, and the run fails', async () => {
    const model = scriptedModel({ answer: (c) => (c.prompt === 'split' ? threeParts : 'x'), fail: (c) => (c.prompt.startsWith('improve') ? new ModelError('auth', 'the API key was refused') : undefined) });
    const r = await runOps(fanOut, {}, model);
    expect(r.grs.operations.imp?.status).toBe('failed');
    expect(r.grs.operations.s?.status).toBe('skipped');
    expect(r.grs.logs.find((l) => l.opId === 's')?.message).toMatch(/skipped.*imp failed/);
    expect(r.summary.status).toBe('failed');
    expect(r.summary.reason).toMatch(/imp.*API key was refused/);
  });

  test('a template that names a missing key fails that thought with a clear message, not the run', async () => {
    const model = scriptedModel({ answer: () => '{"a": "x"}' });
    const r = await runOps([op('split', 'generate', [], params.generate(1, 'split', { kind: 'jsonParts' })), op('g', 'generate', ['split'], params.generate(1, 'use {{missing}}'))], {}, model);
    expect(r.grs.operations.g?.status).toBe('failed');
    expect(r.grs.logs.some((l) => l.level === 'error' && /missing/.test(l.message))).toBe(true);
  });

  test('an invalid graph is refused before the run with its diagnostics', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const bad = doc([op('a', 'generate', ['b'], params.generate()), op('b', 'generate', ['a'], params.generate())]);
    const err = await runGraph(bad, { model, functions: builtinFunctions() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphInvalidError);
    expect((err as GraphInvalidError).diagnostics.some((d) => d.code === 'cycle')).toBe(true);
    expect(model.calls).toHaveLength(0);
  });
});
