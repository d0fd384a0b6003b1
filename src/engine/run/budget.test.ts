import { describe, expect, test } from 'vitest';
import { rebuildGrs } from '../grs/reduce';
import { scriptedModel } from '../models/scripted';
import { op, params, runOps } from './testing';

const chain = (n: number) => [op('s0', 'generate', [], params.generate(1, 'go')), ...Array.from({ length: n - 1 }, (_, i) => op(`s${i + 1}`, 'improve', [`s${i}`], params.improve()))];
const fixedUsage = () => scriptedModel({ answer: () => 'x', usage: () => ({ promptTokens: 60, completionTokens: 40 }) });

describe('budget caps', () => {
  test('the request cap stops the run before the call that would exceed it', async () => {
    const r = await runOps(chain(5), {}, fixedUsage(), { budget: { requests: 3 } });
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'requests', requests: 3 });
    expect(r.summary.reason).toMatch(/request cap of 3/);
    expect(r.grs.operations.s3?.status).toBe('cancelled');
    expect(rebuildGrs(r.events)).toEqual(r.grs);
  });

  test('the token cap stops the run after the call that crossed it, keeping that call’s thoughts', async () => {
    const r = await runOps(chain(5), {}, fixedUsage(), { budget: { tokens: 250 } });
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'tokens', requests: 3, promptTokens: 180, completionTokens: 120 });
    expect(r.summary.reason).toMatch(/token cap of 250/);
    expect(r.grs.thoughts['s2/0.0.0']).toBeDefined();
    expect(r.grs.thoughts['s3/0.0.0']).toBeUndefined();
  });

  test('the cost cap stops the run once the spend reaches it', async () => {
    const r = await runOps(chain(5), {}, fixedUsage(), { budget: { cost: 0.02 }, cost: () => 0.01 });
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'cost', requests: 2 });
    expect(r.summary.cost).toBeCloseTo(0.02);
    expect(r.summary.reason).toMatch(/cost cap of \$0.02/);
  });

  test('a last call that crosses a cap stops nothing: the run completes with all its thoughts', async () => {
    const r = await runOps(chain(2), {}, fixedUsage(), { budget: { tokens: 150 } });
    expect(r.summary).toMatchObject({ status: 'completed', requests: 2 });
    expect(r.summary.finalThoughtIds).toEqual(['s1/0.0.0']);
  });

  test('a run within its budget completes', async () => {
    const r = await runOps(chain(3), {}, fixedUsage(), { budget: { requests: 3, tokens: 300, cost: 1 }, cost: () => 0.01 });
    expect(r.summary.status).toBe('completed');
    expect(r.summary.budgetCap).toBeUndefined();
  });
});

describe('budget caps with calls in flight', () => {
  const parallel = (count: number) => Array.from({ length: count }, (_, i) => op(`g${i}`, 'generate', [], { ...params.generate(1, `go ${i}`), maxTokens: 40 }));
  // Prompt tokens as the tokenizer counts "go N" in a chat message; each answer uses its max tokens.
  const slowUsage = () => scriptedModel({ answer: () => 'x', latency: 5, usage: () => ({ promptTokens: 10, completionTokens: 40 }) });

  test('a token cap admits a call only when its estimate fits beside the calls in flight, so eight parallel calls stay within it', async () => {
    const model = slowUsage();
    const r = await runOps(parallel(8), {}, model, { budget: { tokens: 300 }, concurrency: 8 });
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'tokens' });
    // Every call sent (finished or cut off) costs 50 tokens: together within the cap and one call.
    expect(model.calls.length * 50).toBeLessThanOrEqual(300 + 50);
    expect(r.summary.requests).toBe(model.calls.length);
  });

  test('a request cap refuses the request past it even when calls started together', async () => {
    const r = await runOps(parallel(8), {}, slowUsage(), { budget: { requests: 3 }, concurrency: 8 });
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'requests', requests: 3 });
  });
});
