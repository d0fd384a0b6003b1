import { describe, expect, test } from 'vitest';
import { scriptedModel } from './scripted';
import { ModelError } from './types';

const ask = (prompt: string, n = 1) => ({ messages: [{ role: 'user' as const, content: prompt }], n });

describe('scripted model', () => {
  test('answers each completion by a function of the call and the completion index', async () => {
    const model = scriptedModel({ answer: (c, i) => `${c.prompt}:${i}:${c.seed}` });
    const r = await model.complete({ ...ask('hi', 3), seed: 9 });
    expect(r.texts).toEqual(['hi:0:9', 'hi:1:9', 'hi:2:9']);
    expect(r).toMatchObject({ requests: 1, cached: false, ms: 0 });
    expect(r.usage).toEqual({ promptTokens: 1, completionTokens: 6 });
    expect(model.calls.map((c) => c.index)).toEqual([0]);
  });

  test('can return all completions at once', async () => {
    const model = scriptedModel({ answer: () => ['a', 'b'] });
    expect((await model.complete(ask('x', 2))).texts).toEqual(['a', 'b']);
  });

  test('waits its latency through the injected sleep and counts calls in flight', async () => {
    const waits: number[] = [];
    let wake: () => void = () => undefined;
    const model = scriptedModel({
      answer: () => 'x',
      latency: (c) => c.prompt.length,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => (wake = resolve));
      },
    });
    const pending = model.complete(ask('four'));
    expect(model.inFlight).toBe(1);
    wake();
    await pending;
    expect(waits).toEqual([4]);
    expect(model.inFlight).toBe(0);
    expect(model.maxInFlight).toBe(1);
  });

  test('streams completions in chunks, announces retries, and fails on demand', async () => {
    const chunks: string[] = [];
    const retries: number[] = [];
    const model = scriptedModel({ answer: () => 'abcde', streamChunk: 2, retries: () => 1, fail: (c) => (c.prompt === 'bad' ? new ModelError('rateLimit', 'slow down', 429) : undefined) });
    await model.complete({ ...ask('ok'), onToken: (_i, d) => chunks.push(d), onRetry: (r) => retries.push(r.attempt) });
    expect(chunks).toEqual(['ab', 'cd', 'e']);
    expect(retries).toEqual([1]);
    await expect(model.complete(ask('bad'))).rejects.toMatchObject({ kind: 'rateLimit', status: 429 });
  });

  test('rejects with an aborted ModelError when its signal fires during the latency', async () => {
    const model = scriptedModel({ answer: () => 'x', latency: 1_000 });
    const controller = new AbortController();
    const pending = model.complete({ ...ask('x'), signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'aborted' });
  });
});
