// The requests a graph's run sends, grouped into the waves the engine sent them in, for bench/browserFloor.ts's bare
// replay: the chat bodies the engine's OpenAI model sends (same messages, n, seed, temperature and token cap), so that
// Chromium can send the very same requests with no SDK and no engine around them.
import { builtinFunctions, mergeFunctionRegistries, openAIModel, parseDocumentFile, runGraph, taskFunctions, type RunEvent } from '../src/engine/index';
import { startSimulatorProcess } from './models';

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

/**
 * Runs `documentText` once in this process against a simulator server (its own process, plain HTTP) and returns its waves.
 * The latency is long next to how far apart a wave's answers land, so no call of a wave starts after another one answered.
 */
export async function recordWaves(documentText: string, latencyMs = 100): Promise<string[][]> {
  const parsed = parseDocumentFile(documentText);
  if (!parsed.ok) throw new Error('the graph does not parse');
  const sim = await startSimulatorProcess(latencyMs);
  try {
    const model = openAIModel({ baseUrl: sim.url, model: 'got-simulator', apiKey: 'sk-bench-local' });
    const calls = new Map<string, RecordedCall>();
    const onEvent = (e: RunEvent): void => {
      if (e.type === 'call.start') {
        // The body as openaiModel sends it (streamed, usage asked for; `n` only when over 1).
        const body = {
          model: 'got-simulator',
          messages: e.messages.map((m) => ({ role: m.role, content: m.content })),
          stream: true,
          stream_options: { include_usage: true },
          ...(e.n > 1 ? { n: e.n } : {}),
          ...(e.temperature !== undefined ? { temperature: e.temperature } : {}),
          ...(e.maxTokens !== undefined ? { max_tokens: e.maxTokens } : {}),
          ...(e.seed !== undefined ? { seed: e.seed } : {}),
        };
        calls.set(e.callId, { start: performance.now(), done: Number.NaN, body: JSON.stringify(body) });
      } else if (e.type === 'call.done') {
        const call = calls.get(e.callId);
        if (call) call.done = performance.now();
      }
    };
    const result = await runGraph(parsed.document, { model, functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()), concurrency: Infinity, seed: 1, onEvent });
    if (result.summary.status !== 'completed') throw new Error(`the recording run ended ${result.summary.status}`);
    return wavesOf([...calls.values()]);
  } finally {
    sim.child.kill();
  }
}
