import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { op, outputsOf, params, runOps } from '../run/testing';

const llmValidator = { kind: 'llm', prompt: 'is {{current}} ok?', reader: { kind: 'yesNo' } };
const vai = (extra: Record<string, unknown>) => ({ prompt: 'fix {{current}}', parser: { kind: 'text', key: 'current' }, ...extra });

describe('Validate and Improve', () => {
  test('running out of tries outputs the last, still invalid, thought of the chain (no filtering)', async () => {
    const model = scriptedModel({ answer: (c) => (c.prompt.startsWith('is') ? 'no' : `${c.prompt.slice(4)}!`) });
    const r = await runOps([op('v', 'validateAndImprove', [], vai({ validator: llmValidator, tries: 2 }))], { current: 'x' }, model);
    const validations = model.calls.filter((c) => c.prompt.startsWith('is'));
    const improves = model.calls.filter((c) => c.prompt.startsWith('fix'));
    expect(validations).toHaveLength(3);
    expect(improves).toHaveLength(2);
    const [last] = outputsOf(r, 'v');
    expect(last?.state.current).toBe('x!!');
    expect(last).toMatchObject({ valid: false, validated: true, latency: 2, parents: ['v/0.1'] });
    expect(r.grs.thoughts['v/0.1']?.parents).toEqual(['input']);
    expect(r.grs.thoughts.input?.valid).toBe(false);
  });

  test('stops improving as soon as a thought validates', async () => {
    const model = scriptedModel({ answer: (c) => (c.prompt.startsWith('is') ? (c.prompt.includes('!') ? 'yes' : 'no') : `${c.prompt.slice(4)}!`) });
    const r = await runOps([op('v', 'validateAndImprove', [], vai({ validator: llmValidator, tries: 5 }))], { current: 'x' }, model);
    expect(model.calls).toHaveLength(3);
    expect(outputsOf(r, 'v')[0]).toMatchObject({ id: 'v/0.1', valid: true, state: { current: 'x!' } });
  });

  test('an LLM validator takes the majority of its samples', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt.startsWith('is') ? (i < 2 ? 'yes' : 'no') : 'y') });
    const r = await runOps([op('v', 'validateAndImprove', [], vai({ validator: llmValidator, samples: 3 }))], { current: 'x' }, model);
    expect(model.calls).toHaveLength(1);
    expect(outputsOf(r, 'v')[0]).toMatchObject({ id: 'input', valid: true });
  });

  test('a function validator makes no request; improve off only validates', async () => {
    const model = scriptedModel({ answer: () => 'unused' });
    const r = await runOps(
      [op('g', 'generate', [], params.generate(2, 'go')), op('v', 'validateAndImprove', ['g'], vai({ validator: { kind: 'filter', expr: 'false' }, improve: false }))],
      {},
      model,
    );
    expect(model.calls).toHaveLength(1);
    expect(outputsOf(r, 'v').map((t) => [t.id, t.valid])).toEqual([
      ['g/0.0.0', false],
      ['g/0.1.0', false],
    ]);
  });

  test('outputs one thought per input, in input order, whatever order the chains finish in', async () => {
    const model = scriptedModel({
      answer: (c, i) => (c.prompt === 'go' ? `${i}` : c.prompt.startsWith('fix') ? `${c.prompt.slice(4)}+` : c.prompt.includes('+') ? 'yes' : 'no'),
      latency: (c) => (c.prompt.includes('0') ? 5 : 1),
    });
    const r = await runOps([op('g', 'generate', [], params.generate(3, 'go')), op('v', 'validateAndImprove', ['g'], vai({ validator: llmValidator }))], {}, model);
    expect(outputsOf(r, 'v').map((t) => t.state.current)).toEqual(['0+', '1+', '2+']);
  });

  test('with no tries it validates once and never improves', async () => {
    const model = scriptedModel({ answer: () => 'no' });
    const r = await runOps([op('v', 'validateAndImprove', [], vai({ validator: llmValidator, tries: 0 }))], { current: 'x' }, model);
    expect(model.calls.map((c) => c.prompt)).toEqual(['is x ok?']);
    expect(outputsOf(r, 'v')).toEqual([expect.objectContaining({ id: 'input', valid: false, validated: true })]);
  });
});
