// The page script of bench/browserFloor.ts (bundled by esbuild, no app around it): the engine's run of a
// gallery graph against an OpenAI-compatible server, on the page's main thread or in a Web Worker; a
// chain of bare fetches (one request after another, no SDK, no engine), the least a page can pay per call;
// and the run's own requests sent by bare fetch in the run's waves, the least a page pays for this graph.
// Every mode starts its clock as the app's run does: connection open, the chat URL's CORS preflight in the browser's cache.
import OpenAI from 'openai';
import { builtinFunctions, mergeFunctionRegistries, openAIModel, parseDocumentFile, runGraph, taskFunctions } from '../src/engine/index';

export interface FloorResult {
  wallMs: number;
  requests: number;
  status: string;
}

const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench-local' };

/**
 * The connection (and TLS) is set up before the clock starts, as for the engine's run, and the chat URL's CORS preflight
 * is in the browser's cache, as the app has it when a run starts (a bodiless POST the server refuses, as the app sends).
 */
async function warmUp(baseUrl: string, chatHeaders: Record<string, string> = headers): Promise<void> {
  await (await fetch(`${baseUrl}/models`, { headers })).text();
  await (await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers: chatHeaders })).text();
}

async function engineRun(documentText: string, baseUrl: string): Promise<FloorResult> {
  const parsed = parseDocumentFile(documentText);
  if (!parsed.ok) throw new Error('the graph does not parse');
  const model = openAIModel({ baseUrl, model: 'got-simulator', apiKey: 'sk-bench-local', browser: true });
  // As the CLI and the app do before a run: the SDK loaded, its client made, a request built.
  await model.prepare();
  // The app's warm-up (src/ui/run/settings/warmPreflight.ts): the header names the SDK sends, on a bodiless POST.
  const sdkRequest = await new OpenAI({ baseURL: baseUrl, apiKey: '-', dangerouslyAllowBrowser: true }).buildRequest({ method: 'post', path: '/chat/completions', body: {}, stream: true });
  await warmUp(baseUrl, Object.fromEntries([...new Headers(sdkRequest.req.headers as HeadersInit).keys()].map((name) => [name, '-'])));
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

const scope = globalThis as unknown as { document?: unknown; onmessage: ((e: MessageEvent<FloorJob>) => void) | null; postMessage(data: unknown): void; runFloorJob?: typeof runJob };
if (scope.document === undefined) {
  scope.onmessage = (e) => void runJob(e.data).then((r) => scope.postMessage(r), (err: unknown) => scope.postMessage({ wallMs: Number.NaN, requests: 0, status: String(err) }));
} else {
  scope.runFloorJob = runJob;
}
