// Models benchmark, over real HTTP:
// (a) the sorting-128 GoT example on the simulator server with a fixed per-call latency: wall time at
//     unlimited concurrency against its critical-path bound, and against the same run one call at a time;
// (b) throughput of the model server itself, raw and through the provider (zero-latency echo model,
//     so the numbers measure HTTP + SSE + SDK overhead, not a model).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  builtinFunctions,
  mergeFunctionRegistries,
  openAIModel,
  parseDocumentFile,
  quantileSorted,
  runGraph,
  SIMULATOR_ID,
  taskFunctions,
  type GotDocument,
  type RunResult,
} from '../src/engine/index';
import { echoModel } from '../src/server/echoModel';
import { startModelServer } from '../src/server/modelServer';
import { BOUND_RULE, longestCallChain } from './bound';
import type { ServerTrace } from './timeline';

const LATENCY_MS = 50;
const RUNS = 5;
const SERIAL_RUNS = 2;
const IN_FLIGHT = 16;
const EXAMPLE = fileURLToPath(new URL('../public/examples/sorting-128-got.got.json', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The simulator server running in its own process. */
export interface SimulatorProcess {
  url: string;
  child: ChildProcess;
  /** The chat requests it traced since the last call (received and answered, on its clock). */
  takeTraces(): ServerTrace[];
}

/**
 * `npm run simulator` in a child process (its own event loop, as in real use), tracing each request; resolves with its URL.
 * `tls`: HTTPS with HTTP/2 and a self-signed certificate (`--tls`), as a hosted API answers.
 */
export function startSimulatorProcess(latencyMs = LATENCY_MS, { tls = false }: { tls?: boolean } = {}): Promise<SimulatorProcess> {
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const args = [tsx, 'src/server/simulatorServer.ts', '--port', '0', '--latency-ms', String(latencyMs), '--token-ms', '0', '--trace', ...(tls ? ['--tls'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let traces: ServerTrace[] = [];
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (part: Buffer) => {
      out += part.toString();
      const lines = out.split('\n');
      out = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('trace ')) traces.push(JSON.parse(line.slice(6)) as ServerTrace);
        const url = /at (https?:\/\/\S+\/v1)/.exec(line)?.[1];
        if (url) {
          resolve({
            url,
            child,
            takeTraces: () => {
              const taken = traces;
              traces = [];
              return taken;
            },
          });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`the simulator server exited (${code}) before listening`)));
  });
}

async function loadExample(): Promise<GotDocument> {
  const parsed = parseDocumentFile(await readFile(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(`${EXAMPLE}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  return parsed.document;
}

interface Timed {
  wall: number;
  /** This process's CPU milliseconds (engine, SDK, HTTP client; the server runs in its own process). */
  cpu: number;
  result: RunResult;
}

const median = (xs: readonly number[]): number => quantileSorted([...xs].sort((a, b) => a - b), 0.5);

async function gotOverServer(): Promise<string[]> {
  const document = await loadExample();
  const server = await startSimulatorProcess();
  try {
    const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
    // One provider for every run, as an app would keep it (its HTTP connections stay open); no cache.
    const model = openAIModel({ baseUrl: server.url, model: SIMULATOR_ID.model });
    const run = async (concurrency: number): Promise<Timed> => {
      const cpu0 = process.cpuUsage();
      const started = performance.now();
      const result = await runGraph(document, { model, functions, concurrency, seed: 1 });
      const wall = performance.now() - started;
      const cpu = process.cpuUsage(cpu0);
      if (result.summary.status !== 'completed') throw new Error(`the run ended ${result.summary.status}: ${result.summary.reason ?? ''}`);
      return { wall, cpu: (cpu.user + cpu.system) / 1000, result };
    };
    // Warm-up: a whole run, so no timed run pays for loading the SDK, opening connections or compiling hot code.
    await run(Infinity);
    const free: Timed[] = [];
    const serial: Timed[] = [];
    for (let i = 0; i < RUNS; i++) {
      free.push(await run(Infinity));
      if (i < SERIAL_RUNS) serial.push(await run(1));
    }
    const first = (free[0] as Timed).result;
    const chain = longestCallChain(document, first.grs);
    const bound = chain * LATENCY_MS;
    const wall = median(free.map((t) => t.wall));
    const serialWall = median(serial.map((t) => t.wall));
    const callMs = median(free.flatMap((t) => Object.values(t.result.grs.calls).map((c) => c.ms ?? 0)));
    const cpMs = median(free.map((t) => t.result.summary.criticalPath.ms));
    const cpuPerCall = median(free.map((t) => t.cpu / t.result.summary.requests));
    const cells = (c: string[]): string => c.map((x, i) => x.padEnd([17, 7, 7, 9, 9, 8, 7, 9, 10, 9, 10, 0][i] ?? 0)).join('');
    return [
      `machine load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min): on a busy machine the client's CPU per call, serialised when a hop's calls finish together, dominates`,
      `sorting-128 GoT example through openAIModel (streaming) against the simulator server in its own process, ${LATENCY_MS} ms per call, no per-token time, no cache;`,
      `median of ${RUNS} runs at unlimited concurrency and ${SERIAL_RUNS} one call at a time, interleaved, after a whole warm-up run.`,
      `${BOUND_RULE}. "call ms" = median call as the engine timed it (${LATENCY_MS} ms + HTTP, SSE and SDK); "÷ cp" = wall ÷ the measured critical path (the engine's own gaps); "cpu/call" = this process's CPU ms per request.`,
      cells(['graph', 'calls', 'chain', 'bound ms', 'wall ms', '÷ bound', 'best', 'call ms', 'cpu/call', '÷ cp', 'wall c=1', '÷ c=1']),
      cells([
        'sorting-128 GoT',
        String(first.summary.requests),
        String(chain),
        String(bound),
        wall.toFixed(0),
        (wall / bound).toFixed(2),
        (Math.min(...free.map((t) => t.wall)) / bound).toFixed(2),
        callMs.toFixed(1),
        cpuPerCall.toFixed(2),
        (wall / cpMs).toFixed(2),
        serialWall.toFixed(0),
        `${(wall / serialWall).toFixed(2)} (${(serialWall / wall).toFixed(1)}× faster)`,
      ]),
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
