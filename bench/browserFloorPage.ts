// The page script of bench/browserFloor.ts (bundled by esbuild, no app around it): the engine's run of a
// gallery graph against an OpenAI-compatible server, on the page's main thread or in a Web Worker; a
// chain of bare fetches (one request after another, no SDK, no engine), the least a page can pay per call;
// and the run's own requests sent by bare fetch in the run's waves, the least a page pays for this graph.
// Every mode starts its clock as the app's run does: connection open, the chat URL's CORS preflight in the browser's cache.
import * as sdk from 'openai';
import { builtinFunctions, mergeFunctionRegistries, openAIModel, parseDocumentFile, runGraph, taskFunctions } from '../src/engine/index';
import { warmPreflight } from '../src/ui/run/settings/warmPreflight';

export interface FloorResult {
  wallMs: number;
  requests: number;
  status: string;
}

const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench-local' };

/**
 * The bare modes' warm-up: the connection (and TLS) is set up before the clock starts, and the chat URL's CORS
 * preflight for their headers is in the browser's cache (a bodiless POST the server refuses, as the app sends).
 */
async function warmUp(baseUrl: string): Promise<void> {
  await (await fetch(`${baseUrl}/models`, { headers })).text();
  await (await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers })).text();
}

/**
 * The engine modes' warm-up: the connection, and the app's own preflight warm-up (src/ui/run/settings/warmPreflight.ts),
 * which needs a page: for the Web Worker, the page calls it before starting the worker (the browser's preflight cache
 * is the origin's, the worker's too).
 */
async function warmEngine(baseUrl: string): Promise<void> {
  await (await fetch(`${baseUrl}/models`, { headers })).text();
  await warmPreflight(sdk, baseUrl);
}

async function engineRun(documentText: string, baseUrl: string): Promise<FloorResult> {
  const parsed = parseDocumentFile(documentText);
  if (!parsed.ok) throw new Error('the graph does not parse');
  const model = openAIModel({ baseUrl, model: 'got-simulator', apiKey: 'sk-bench-local', browser: true });
  // As the CLI and the app do before a run: the SDK loaded, its client made, a request built.
  await model.prepare();
  await warmEngine(baseUrl);
  const started = performance.now();
  const result = await runGraph(parsed.document, { model, functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()), concurrency: Infinity, seed: 1 });
  return { wallMs: performance.now() - started, requests: result.summary.requests, status: result.summary.status };
}

async function fetchChain(baseUrl: string, hops: number, stream: boolean): Promise<FloorResult> {
  await warmUp(baseUrl);
  const started = performance.now();
  for (let i = 0; i < hops; i++) {
    const body = JSON.stringify({ model: 'got-simulator', messages: [{ role: 'user', content: 'Sort this list: [3, 1, 2]' }], seed: i, stream });
    await (await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers, body })).text();
  }
  return { wallMs: performance.now() - started, requests: hops, status: 'completed' };
}

/** The run's own requests (bench/graphWaves.ts), sent by bare fetch: each wave's at once, once the wave before has answered. */
async function fetchWaves(baseUrl: string, waves: readonly (readonly string[])[]): Promise<FloorResult> {
  await warmUp(baseUrl);
  const started = performance.now();
  let requests = 0;
  for (const wave of waves) {
    await Promise.all(wave.map(async (body) => (await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers, body })).text()));
    requests += wave.length;
  }
  return { wallMs: performance.now() - started, requests, status: 'completed' };
}

export type FloorJob =
  | { kind: 'engine'; documentText: string; baseUrl: string }
  | { kind: 'fetch chain'; baseUrl: string; hops: number; stream: boolean }
  | { kind: 'fetch waves'; baseUrl: string; waves: string[][] };

function runJob(job: FloorJob): Promise<FloorResult> {
  if (job.kind === 'engine') return engineRun(job.documentText, job.baseUrl);
  return job.kind === 'fetch chain' ? fetchChain(job.baseUrl, job.hops, job.stream) : fetchWaves(job.baseUrl, job.waves);
}

const scope = globalThis as unknown as {
  document?: unknown;
  onmessage: ((e: MessageEvent<FloorJob>) => void) | null;
  postMessage(data: unknown): void;
  runFloorJob?: typeof runJob;
  warmEngine?: typeof warmEngine;
};
if (scope.document === undefined) {
  scope.onmessage = (e) => void runJob(e.data).then((r) => scope.postMessage(r), (err: unknown) => scope.postMessage({ wallMs: Number.NaN, requests: 0, status: String(err) }));
} else {
  scope.runFloorJob = runJob;
  scope.warmEngine = warmEngine;
}
