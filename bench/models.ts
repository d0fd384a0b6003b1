// Models benchmark: throughput of the OpenAI-compatible model server, raw and through the provider.
// Uses the zero-latency echo model so the numbers measure HTTP + SSE + SDK overhead, not a model.
import { openAIModel } from '../src/engine/index';
import { echoModel } from '../src/server/echoModel';
import { startModelServer } from '../src/server/modelServer';

const IN_FLIGHT = 16;

async function timed(total: number, one: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < total) await one(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

/** Requests per second of the model server: plain JSON answers, and streamed calls through openAIModel. */
export async function benchModels(): Promise<string[]> {
  const server = await startModelServer({ model: echoModel({ model: 'echo' }) });
  try {
    const body = JSON.stringify({ model: 'echo', messages: [{ role: 'user', content: 'one two three four five six' }] });
    const post = () =>
      fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.json());
    await timed(50, post); // warm-up
    const raw = await timed(600, post);
    const model = openAIModel({ baseUrl: server.url, model: 'echo' });
    const call = (i: number) => model.complete({ messages: [{ role: 'user', content: `one two three four five ${i}` }], n: 1 });
    await timed(50, call);
    const streamed = await timed(600, call);
    return [
      `model server, non-streaming JSON, ${IN_FLIGHT} in flight: ${raw.toFixed(0)} requests/s`,
      `openAIModel streaming calls (SDK + SSE), ${IN_FLIGHT} in flight: ${streamed.toFixed(0)} calls/s (${(streamed / raw).toFixed(2)}× the raw rate)`,
    ];
  } finally {
    await server.close();
  }
}
