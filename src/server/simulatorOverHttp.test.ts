import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATED_LABEL, SIMULATOR_ID, openAIModel, type CompletionRequest } from '../engine/index';
import type { ModelServer } from './modelServer';
import { runSimulatorServer } from './simulatorCli';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function simulator(args: string[] = []): Promise<ModelServer> {
  const server = await runSimulatorServer(['--port', '0', '--latency-ms', '0', '--token-ms', '0', ...args], () => undefined);
  if (!server) throw new Error('the simulator server did not start');
  servers.push(server);
  return server;
}

const scorePrompt = (extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  messages: [{ role: 'user', content: 'Rate this paragraph from 1 to 10 and give a score.' }],
  n: 4,
  seed: 5,
  ...extra,
});

describe('the provider against the simulator server', () => {
  it('streams n simulated completions with usage, the same for the same seed', async () => {
    const server = await simulator(['--seed', '3']);
    const model = openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model });
    const streamed = new Map<number, string>();
    const first = await model.complete(scorePrompt({ onToken: (i, d) => streamed.set(i, (streamed.get(i) ?? '') + d) }));
    expect(first.texts).toHaveLength(4);
    expect(first.texts.every((t) => t.startsWith(SIMULATED_LABEL))).toBe(true);
    expect([...streamed.entries()].sort(([a], [b]) => a - b).map(([, t]) => t)).toEqual(first.texts);
    expect(first.usage.promptTokens).toBeGreaterThan(0);
    expect(first.usage.completionTokens).toBeGreaterThan(0);
    expect(first.requests).toBe(1);
    const again = await model.complete(scorePrompt());
    expect(again.texts).toEqual(first.texts);
  });

  it('still returns n completions when told to ignore n', async () => {
    const server = await simulator(['--faults', '{"ignoreN":true}']);
    const model = openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model });
    const notices: string[] = [];
    const result = await model.complete(scorePrompt({ onNotice: (m) => notices.push(m) }));
    expect(result.texts).toHaveLength(4);
    expect(result.requests).toBe(4);
    expect(notices).toHaveLength(1);
  });

  it('recovers from injected 429s and 500s with retries reported', async () => {
    const server = await simulator(['--faults', '{"rateLimit":{"count":1,"retryAfterMs":5},"serverError":{"count":1,"retryAfterMs":5}}']);
    const model = openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model });
    const statuses: Array<number | undefined> = [];
    const result = await model.complete(scorePrompt({ n: 1, onRetry: (r) => statuses.push(r.status) }));
    expect(result.texts).toHaveLength(1);
    expect(statuses).toEqual([429, 500]);
  });

  it("answers to 'simulator' too, the command line's default model name, and lists both names", async () => {
    const server = await simulator();
    const listed = (await (await fetch(`${server.url}/models`)).json()) as { data: Array<{ id: string }> };
    expect(listed.data.map((m) => m.id)).toEqual([SIMULATOR_ID.model, 'simulator']);
    const result = await openAIModel({ baseUrl: server.url, model: 'simulator' }).complete(scorePrompt({ n: 1 }));
    expect(result.texts).toHaveLength(1);
  });
});
