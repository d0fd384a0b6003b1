// The page script of bench/browserFloor.ts (bundled by esbuild, no app around it): the engine's run of a
// gallery graph against an OpenAI-compatible server, on the page's main thread or in a Web Worker, and a
// chain of bare fetches (one request after another, no SDK, no engine), the least a page can pay per call.
import { builtinFunctions, mergeFunctionRegistries, openAIModel, parseDocumentFile, runGraph, taskFunctions } from '../src/engine/index';

export interface FloorResult {
  wallMs: number;
  requests: number;
  status: string;
}

async function engineRun(documentText: string, baseUrl: string): Promise<FloorResult> {
  const parsed = parseDocumentFile(documentText);
  if (!parsed.ok) throw new Error('the graph does not parse');
  const model = openAIModel({ baseUrl, model: 'got-simulator', apiKey: 'sk-bench-local', browser: true });
  // As the CLI and the app do before a run: the SDK loaded, its client made, a request built.
  await model.prepare();
  const started = performance.now();
  const result = await runGraph(parsed.document, { model, functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()), concurrency: Infinity, seed: 1 });
  return { wallMs: performance.now() - started, requests: result.summary.requests, status: result.summary.status };
}

async function fetchChain(baseUrl: string, hops: number, stream: boolean): Promise<FloorResult> {
  const headers = { 'content-type': 'application/json', authorization: 'Bearer sk-bench-local' };
  // The connection (and TLS, and the CORS preflight's cache) is set up before the clock starts, as for the engine's run.
  await (await fetch(`${baseUrl}/models`, { headers })).text();
  const started = performance.now();
  for (let i = 0; i < hops; i++) {
    const body = JSON.stringify({ model: 'got-simulator', messages: [{ role: 'user', content: 'Sort this list: [3, 1, 2]' }], seed: i, stream });
    await (await fetch(`${baseUrl}/chat/completions`, { method: 'POST', headers, body })).text();
  }
  return { wallMs: performance.now() - started, requests: hops, status: 'completed' };
}

export type FloorJob = { kind: 'engine'; documentText: string; baseUrl: string } | { kind: 'fetch chain'; baseUrl: string; hops: number; stream: boolean };

function runJob(job: FloorJob): Promise<FloorResult> {
  return job.kind === 'engine' ? engineRun(job.documentText, job.baseUrl) : fetchChain(job.baseUrl, job.hops, job.stream);
}

const scope = globalThis as unknown as { document?: unknown; onmessage: ((e: MessageEvent<FloorJob>) => void) | null; postMessage(data: unknown): void; runFloorJob?: typeof runJob };
if (scope.document === undefined) {
  scope.onmessage = (e) => void runJob(e.data).then((r) => scope.postMessage(r), (err: unknown) => scope.postMessage({ wallMs: Number.NaN, requests: 0, status: String(err) }));
} else {
  scope.runFloorJob = runJob;
}
