import { describe, expect, test } from 'vitest';
import { scriptedModel } from '../models/scripted';
import { ModelError } from '../models/types';
import { replayModel } from './replay';
import { op, outputsOf, params, runOps, seededRandom } from './testing';

const graph = [
  op('g', 'generate', [], params.generate(3, 'go {{current}}')),
  op('s', 'score', ['g'], { scorer: { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } } }),
  op('k', 'keepBestN', ['s'], params.keepBest(1)),
  op('i', 'improve', ['k'], params.improve()),
];

describe('replaying a recorded run', () => {
  test('the same graph, input and seed over the recording gives the same thoughts and totals', async () => {
    const random = seededRandom(3);
    const live = scriptedModel({ answer: (c, i) => `${(c.seed ?? 0) % 97}-${i}-${c.prompt.length}`, latency: () => Math.floor(random() * 5) });
    const first = await runOps(graph, { current: 'x' }, live, { seed: 11 });
    const again = await runOps(graph, { current: 'x' }, replayModel(first.events), { seed: 11 });
    const view = (r: typeof first) => Object.values(r.grs.thoughts).map(({ id, state, score, pruned, parents }) => ({ id, state, score, pruned, parents })).sort((a, b) => a.id.localeCompare(b.id));
    expect(view(again)).toEqual(view(first));
    expect(again.summary).toMatchObject({ requests: first.summary.requests, completions: first.summary.completions, promptTokens: first.summary.promptTokens, bestScore: first.summary.bestScore });
  });

  test('a request the recording lacks fails clearly instead of inventing an answer', async () => {
    const first = await runOps(graph.slice(0, 1), { current: 'x' }, scriptedModel({ answer: () => 'a' }), { seed: 1 });
    const fork = await runOps([...graph.slice(0, 1), op('more', 'improve', ['g'], params.improve('more {{current}}'))], { current: 'x' }, replayModel(first.events), { seed: 1 });
    expect(outputsOf(fork, 'g')).toHaveLength(3);
    expect(fork.events.filter((e) => e.type === 'call.error').every((e) => e.type === 'call.error' && e.kind === 'notFound')).toBe(true);
    expect(fork.grs.operations.more?.status).toBe('failed');
  });

  test('a call that failed in the recording fails again the same way, after the same retries', async () => {
    const flaky = scriptedModel({
      answer: () => 'ok',
      retries: (c) => (c.prompt.startsWith('improve') ? 2 : 0),
      fail: (c) => (c.prompt.startsWith('improve') ? new ModelError('rateLimit', 'rate limited after 2 retries', 429) : undefined),
    });
    const ops = [op('g', 'generate', [], params.generate(1, 'go {{current}}')), op('i', 'improve', ['g'], params.improve()), op('j', 'improve', ['g'], params.improve('again {{current}}'))];
    const first = await runOps(ops, { current: 'x' }, flaky, { seed: 5 });
    const again = await runOps(ops, { current: 'x' }, replayModel(first.events), { seed: 5 });
    const failures = (r: typeof first) => r.events.flatMap((e) => (e.type === 'call.error' ? [[e.callId, e.kind, e.message]] : e.type === 'call.retry' ? [[e.callId, 'retry', e.reason]] : []));
    expect(failures(first).some(([, kind]) => kind === 'rateLimit')).toBe(true);
    expect(failures(again).sort()).toEqual(failures(first).sort());
    expect(again.summary.status).toBe(first.summary.status);
  });
});
