import { describe, expect, test } from 'vitest';
import { applyEvent, createGrs, rebuildGrs } from '../grs/reduce';
import { scriptedModel } from '../models/scripted';
import type { RunEvent } from './events';
import { op, params, runOps } from './testing';

const graph = [
  op('g', 'generate', [], params.generate(3, 'go')),
  op('s', 'score', ['g'], params.scoreExpr('len(state.current)')),
  op('k', 'keepBestN', ['s'], params.keepBest(2)),
  op('m', 'aggregate', ['k'], params.aggregate(2)),
];

describe('run events and the GRS', () => {
  test('the event log rebuilds the final GRS exactly', async () => {
    const model = scriptedModel({ answer: (_c, i) => 'x'.repeat(i + 1), latency: (c) => c.prompt.length % 3, streamChunk: 1 });
    const r = await runOps(graph, { current: 'in' }, model);
    expect(rebuildGrs(r.events)).toEqual(r.grs);
    expect(r.grs.summary).toEqual(r.summary);
    expect(r.events[0]?.type).toBe('run.start');
    expect(r.events[r.events.length - 1]?.type).toBe('run.done');
  });

  test('every prefix of the log rebuilds a consistent GRS, and applyEvent never mutates the state it is given', async () => {
    const model = scriptedModel({ answer: (_c, i) => `a${i}` });
    const r = await runOps(graph, {}, model);
    let state = createGrs();
    for (const e of r.events) {
      const before = state;
      const snapshot = JSON.stringify(before);
      state = applyEvent(before, e);
      expect(JSON.stringify(before)).toBe(snapshot);
      for (const t of Object.values(state.thoughts)) for (const p of t.parents) expect(state.thoughts[p]).toBeDefined();
    }
    expect(state).toEqual(r.grs);
  });

  test('streams tokens as call.token events and records them on the call', async () => {
    const model = scriptedModel({ answer: () => 'hello world', streamChunk: 4 });
    const events: RunEvent[] = [];
    const r = await runOps([op('g', 'generate', [], params.generate(1, 'go'))], {}, model, { onEvent: (e) => events.push(e) });
    const tokens = events.filter((e) => e.type === 'call.token');
    expect(tokens.map((e) => (e.type === 'call.token' ? e.delta : ''))).toEqual(['hell', 'o wo', 'rld']);
    expect(Object.values(r.grs.calls)[0]?.texts).toEqual(['hello world']);
    expect(events).toEqual(r.events);
  });

  test('reports retries, counts cache hits and splits the call usage over completions and parts', async () => {
    const model = scriptedModel({
      answer: (_c, i) => (i === 0 ? '{"a": 1, "b": 2}' : '{"c": 3}'),
      retries: () => 2,
      cached: () => true,
      usage: () => ({ promptTokens: 40, completionTokens: 20 }),
    });
    const r = await runOps([op('g', 'generate', [], params.generate(2, 'go', { kind: 'jsonParts' }))], {}, model, { cost: (u) => (u.promptTokens + u.completionTokens) / 1000 });
    expect(r.events.filter((e) => e.type === 'call.retry')).toHaveLength(2);
    expect(Object.values(r.grs.calls)[0]?.retries).toBe(2);
    expect(r.summary).toMatchObject({ cacheHits: 1, requests: 1, completions: 2, promptTokens: 40, completionTokens: 20 });
    const t = r.grs.thoughts;
    expect([t['g/0.0.0']?.promptTokens, t['g/0.0.1']?.promptTokens, t['g/0.1.0']?.promptTokens]).toEqual([10, 10, 20]);
    expect([t['g/0.0.0']?.completionTokens, t['g/0.1.0']?.completionTokens]).toEqual([5, 10]);
    expect(t['g/0.1.0']?.cost).toBe(0);
    expect(r.summary.cost).toBe(0);
  });

  test('splits a paid call’s cost like its tokens, and cached answers spend no token budget', async () => {
    const paid = scriptedModel({ answer: (_c, i) => (i === 0 ? '{"a": 1, "b": 2}' : '{"c": 3}'), usage: () => ({ promptTokens: 40, completionTokens: 20 }) });
    const r = await runOps([op('g', 'generate', [], params.generate(2, 'go', { kind: 'jsonParts' }))], {}, paid, { cost: (u) => (u.promptTokens + u.completionTokens) / 1000 });
    expect(r.grs.thoughts['g/0.1.0']?.cost).toBeCloseTo(0.03);
    expect(r.grs.thoughts['g/0.0.1']?.cost).toBeCloseTo(0.015);
    const cached = scriptedModel({ answer: () => 'x', cached: () => true, usage: () => ({ promptTokens: 500, completionTokens: 500 }) });
    const chain = [op('a', 'generate', [], params.generate(1, 'a')), op('b', 'improve', ['a'], params.improve()), op('c', 'improve', ['b'], params.improve())];
    const free = await runOps(chain, {}, cached, { budget: { tokens: 100 } });
    expect(free.summary).toMatchObject({ status: 'completed', cacheHits: 3 });
  });

  test('control hooks hold operations and calls until they resolve', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = runOps([op('a', 'generate', [], params.generate(1, 'a')), op('b', 'improve', ['a'], params.improve())], { current: '' }, model, {
      control: {
        beforeOperation: async (opId) => {
          order.push(`op ${opId}`);
          if (opId === 'b') await gate;
        },
        beforeCall: async (opId) => {
          order.push(`call ${opId}`);
        },
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(model.calls).toHaveLength(1);
    release();
    const r = await run;
    expect(order).toEqual(['op a', 'call a', 'op b', 'call b']);
    expect(r.summary.requests).toBe(2);
  });

  test('records the run id and settings (model identity, never a key) in the log', async () => {
    const model = scriptedModel({ answer: () => 'x' });
    const r = await runOps([op('g', 'generate', [], params.generate())], {}, model, { seed: 5, concurrency: 2, budget: { requests: 9 }, runId: 'r1' });
    expect(r.grs.settings).toEqual({ model: { baseUrl: 'scripted://', model: 'scripted' }, concurrency: 2, budget: { requests: 9 }, seed: 5, cache: false, sampleIndex: null });
    expect(r.grs.runId).toBe('r1');
  });

  test('records a base URL without the credentials written into it', async () => {
    const model = scriptedModel({ answer: () => 'x', id: { baseUrl: 'https://bob:pw-SECRET@llm.example/v1?api_key=k-SECRET', model: 'm' } });
    const r = await runOps([op('g', 'generate', [], params.generate())], {}, model);
    expect(JSON.stringify(r.events)).not.toContain('SECRET');
    expect(r.grs.settings?.model.baseUrl).toMatch(/^https:\/\/.*llm\.example\/v1/);
  });
});
