import { afterEach, describe, expect, test } from 'vitest';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, SIMULATOR_ID, builtinFunctions, openAIModel, runGraph, type Budget, type GotDocument, type OperationNode, type RunResult } from '../engine/index';
import type { FaultPlan } from './faults';
import type { ModelServer } from './modelServer';
import { runSimulatorServer } from './simulatorCli';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function simulator(faults: FaultPlan): Promise<ModelServer> {
  const server = await runSimulatorServer(['--port', '0', '--latency-ms', '20', '--token-ms', '0', '--faults', JSON.stringify(faults)], () => undefined);
  if (!server) throw new Error('the simulator server did not start');
  servers.push(server);
  return server;
}

const text = { kind: 'text', key: 'current' };
const generate = (id: string, samples: number, maxTokens?: number): OperationNode => ({
  id,
  type: 'generate',
  label: id,
  inputs: [],
  params: { samples, prompt: `Sort this list of numbers (${id}): {{current}}`, parser: text, ...(maxTokens ? { maxTokens } : {}) },
});
const improve = (id: string, from: string): OperationNode => ({ id, type: 'improve', label: id, inputs: [from], params: { prompt: 'Improve: {{current}}', parser: text } });
const graph = (operations: OperationNode[]): GotDocument => ({ format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, title: 'caps', description: '', input: { current: '[3, 1, 2]' }, operations, comments: [] });

async function run(server: ModelServer, operations: OperationNode[], budget: Budget, cost?: (u: { promptTokens: number; completionTokens: number }) => number): Promise<RunResult> {
  const model = openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model, maxRetries: 2 });
  return runGraph(graph(operations), { model, functions: builtinFunctions(), budget, concurrency: 8, ...(cost ? { cost } : {}) });
}

const parallel = (count: number, samples: number, maxTokens?: number) => Array.from({ length: count }, (_, i) => generate(`g${i}`, samples, maxTokens));
const callTokens = (r: RunResult) => Object.values(r.grs.calls).map((c) => c.promptTokens + c.completionTokens);

describe('caps bound what is sent to a server', () => {
  test('a request cap of 3 sends at most 3 HTTP requests to a server that ignores n, and the summary counts what the server saw', async () => {
    const server = await simulator({ ignoreN: true });
    const r = await run(server, parallel(3, 4), { requests: 3 });
    expect(server.stats().requests).toBeLessThanOrEqual(3);
    expect(r.summary.requests).toBe(server.stats().requests);
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'requests' });
  });

  test('a request cap of 3 counts retried 500s as requests: 3 sent, and the summary says 3', async () => {
    const server = await simulator({ serverError: { count: 2, retryAfterMs: 1 } });
    const r = await run(server, [generate('g', 1), improve('i1', 'g'), improve('i2', 'i1'), improve('i3', 'i2')], { requests: 3 });
    expect(server.stats().requests).toBe(3);
    expect(r.summary.requests).toBe(3);
    expect(r.summary).toMatchObject({ status: 'budget', budgetCap: 'requests' });
  });

  test('without a cap, retries and the per-completion fallback are counted as sent', async () => {
    const server = await simulator({ ignoreN: true, serverError: { count: 1, retryAfterMs: 1 } });
    const r = await run(server, parallel(2, 3), {});
    expect(r.summary.status).toBe('completed');
    expect(server.stats().requests).toBe(7);
    expect(r.summary.requests).toBe(7);
  });

  test('a token cap is checked before each call with its estimate: many calls in flight pass it by at most one call', async () => {
    const server = await simulator({});
    const free = await run(server, parallel(8, 2, 40), {});
    const all = free.summary.promptTokens + free.summary.completionTokens;
    const oneCall = Math.max(...callTokens(free));
    const cheapest = Math.min(...callTokens(free));
    const cap = Math.floor(all / 3);
    const before = server.stats().requests;
    const capped = await run(server, parallel(8, 2, 40), { tokens: cap });
    const sent = server.stats().requests - before;
    expect(capped.summary).toMatchObject({ status: 'budget', budgetCap: 'tokens' });
    expect(capped.summary.promptTokens + capped.summary.completionTokens).toBeLessThanOrEqual(cap + oneCall);
    // Every request the server saw costs at least the cheapest call: together within the cap and one call.
    expect(sent).toBeGreaterThan(0);
    expect(capped.summary.requests).toBe(sent);
    expect(sent * cheapest).toBeLessThanOrEqual(cap + oneCall);
  });

  test('a dollar cap is checked before each call with its estimate, so concurrent calls cannot overspend it', async () => {
    const server = await simulator({});
    const price = (u: { promptTokens: number; completionTokens: number }) => (u.promptTokens + u.completionTokens * 4) / 1_000_000;
    const free = await run(server, parallel(8, 2, 40), {}, price);
    const costs = Object.values(free.grs.calls).map((c) => c.cost);
    const oneCall = Math.max(...costs);
    const cap = free.summary.cost / 3;
    const before = server.stats().requests;
    const capped = await run(server, parallel(8, 2, 40), { cost: cap }, price);
    const sent = server.stats().requests - before;
    expect(capped.summary).toMatchObject({ status: 'budget', budgetCap: 'cost' });
    expect(capped.summary.cost).toBeLessThanOrEqual(cap + oneCall);
    expect(capped.summary.requests).toBe(sent);
    expect(sent * Math.min(...costs)).toBeLessThanOrEqual(cap + oneCall);
  });
});
