// The requests a graph's run sends, grouped into the waves the engine sent them in, for bench/browserFloor.ts's bare
// replay: the chat bodies exactly as the engine's OpenAI model sends them (read off its fetch), so that Chromium can
// send the very same requests with no SDK and no engine around them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinFunctions, mergeFunctionRegistries, openAIModel, parseDocumentFile, runGraph, taskFunctions } from '../src/engine/index';
import { startSimulatorProcess } from './models';

const EXAMPLES_DIR = fileURLToPath(new URL('../public/examples/', import.meta.url));

interface RecordedCall {
  start: number;
  done: number;
  body: string;
}

/**
 * Waves of a run: a call's wave is one more than the latest wave among the calls that had answered when it started
 * (the first calls are wave 0). The calls of a wave went out together; a wave's calls needed answers of the wave before.
 */
export function wavesOf(calls: readonly RecordedCall[]): string[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const level: number[] = [];
  sorted.forEach((c, i) => {
    let l = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.done <= c.start) l = Math.max(l, level[j]! + 1);
    level.push(l);
  });
  const waves: string[][] = [];
  sorted.forEach((c, i) => (waves[level[i]!] ??= []).push(c.body));
  return waves;
}

/** A fetch that records each chat request's body, when it was sent and when its answer had been read to the end. */
function recordingFetch(calls: RecordedCall[]): typeof fetch {
  return async (input, init) => {
    const call: RecordedCall = { start: performance.now(), done: Number.NaN, body: typeof init?.body === 'string' ? init.body : '' };
    const response = await fetch(input, init);
    if (!String(input instanceof Request ? input.url : input).endsWith('/chat/completions')) return response;
    // The answer read whole here, then handed on as it came: the call's end is when its last byte was in.
    const text = await response.text();
    call.done = performance.now();
    calls.push(call);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/**
 * Runs each gallery example once in this process against one simulator server (its own process, plain HTTP) and
 * returns its waves by example name. The latency is long next to how far apart a wave's answers land, so no call of a wave starts after
 * another one answered.
 */
export async function recordWaves(examples: readonly string[], latencyMs = 100): Promise<Map<string, string[][]>> {
  const sim = await startSimulatorProcess(latencyMs);
  try {
    const waves = new Map<string, string[][]>();
    for (const name of examples) {
      const parsed = parseDocumentFile(readFileSync(`${EXAMPLES_DIR}${name}.got.json`, 'utf8'));
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      const calls: RecordedCall[] = [];
      const model = openAIModel({ baseUrl: sim.url, model: 'got-simulator', apiKey: 'sk-bench-local', fetch: recordingFetch(calls) });
      const result = await runGraph(parsed.document, { model, functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()), concurrency: Infinity, seed: 1 });
      if (result.summary.status !== 'completed') throw new Error(`the recording run of ${name} ended ${result.summary.status}`);
      if (calls.length !== result.summary.requests) throw new Error(`${name}: ${calls.length} requests recorded of ${result.summary.requests} sent`);
      waves.set(name, wavesOf(calls));
    }
    return waves;
  } finally {
    sim.child.kill();
  }
}
