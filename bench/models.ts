// Models benchmark, over real HTTP:
// (a) the sorting-128 GoT example on the simulator server with a fixed per-call latency: wall time at
//     unlimited concurrency against its critical-path bound, and against the same run one call at a time;
// (b) throughput of the model server itself, raw and through the provider (zero-latency echo model,
//     so the numbers measure HTTP + SSE + SDK overhead, not a model).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  builtinFunctions,
  mergeFunctionRegistries,
  openAIModel,
  parseDocumentFile,
  runGraph,
  SIMULATOR_ID,
  taskFunctions,
  type GotDocument,
} from '../src/engine/index';
import { echoModel } from '../src/server/echoModel';
import { startModelServer } from '../src/server/modelServer';

const LATENCY_MS = 50;
const IN_FLIGHT = 16;
const EXAMPLE = fileURLToPath(new URL('../public/examples/sorting-128-got.got.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `npm run simulator` in a child process (its own event loop, as in real use); resolves with its URL. */
function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const args = [tsx, 'src/server/simulatorServer.ts', '--port', '0', '--latency-ms', String(LATENCY_MS), '--token-ms', '0'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (part: Buffer) => {
      out += part.toString();
      const url = /at (http:\/\/\S+\/v1)/.exec(out)?.[1];
      if (url) resolve({ url, child });
    });
    child.once('exit', (code) => reject(new Error(`the simulator server exited (${code}) before listening`)));
  });
}

async function loadExample(): Promise<GotDocument> {
  const parsed = parseDocumentFile(await readFile(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(`${EXAMPLE}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.document;
}

async function gotOverServer(): Promise<string[]> {
  const document = await loadExample();
  const server = await startSimulatorProcess();
  try {
    const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
    const run = async (concurrency: number) => {
      // A fresh provider per run so the two runs share no limiter state; no cache.
      const model = openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model });
      const started = performance.now();
      const { summary } = await runGraph(document, { model, functions, concurrency, seed: 1 });
      const wall = performance.now() - started;
      if (summary.status !== 'completed') throw new Error(`the run ended ${summary.status}: ${summary.reason ?? ''}`);
      return { wall, summary };
    };
    // Warm-up: loads the SDK and opens connections, so neither timed run pays for it.
    await openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model }).complete({ messages: [{ role: 'user', content: 'warm up' }], n: 1 });
    const unlimited = await run(Infinity);
    const serial = await run(1);
    const s = unlimited.summary;
    const bound = s.criticalPath.hops * LATENCY_MS;
    return [
      `sorting-128 GoT on the simulator server, ${LATENCY_MS} ms per call, ${s.requests} requests, critical path ${s.criticalPath.hops} calls (${s.criticalPath.ms.toFixed(0)} ms measured):`,
      `  wall at unlimited concurrency ${unlimited.wall.toFixed(0)} ms = ${(unlimited.wall / bound).toFixed(2)}× the bound (hops × latency), ${(unlimited.wall / s.criticalPath.ms).toFixed(2)}× the measured critical path`,
      `  wall one call at a time ${serial.wall.toFixed(0)} ms; unlimited ÷ one-at-a-time = ${(unlimited.wall / serial.wall).toFixed(3)}`,
    ];
  } finally {
    server.child.kill();
  }
}

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

async function serverThroughput(): Promise<string[]> {
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

/** The models benchmark's report lines. */
export async function benchModels(): Promise<string[]> {
  return [...(await gotOverServer()), ...(await serverThroughput())];
}
