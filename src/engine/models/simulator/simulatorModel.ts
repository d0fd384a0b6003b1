import { timerSleep } from '../scripted';
import { roughTokenCount } from '../tokens';
import type { CompletionRequest, CompletionResult, LanguageModel } from '../types';
import { ModelError } from '../types';
import { simulateCompletion } from './answer';

/** Options of the offline simulated model. */
export interface SimulatorOptions {
  /** Mixed into every request's seed (default 0), so two simulators can disagree. */
  seed?: number;
  /**
   * Answer from the messages and the completion index alone, whatever seed a request carries: a
   * client that sends none (the reference framework's scripts) then gets what GoT Studio gets for the same prompt.
   */
  ignoreRequestSeed?: boolean;
  /** Simulated time: a base per request plus a time per output token (default 300 ms + 3 ms/token; zeros for tests). */
  latency?: { baseMs: number; perTokenMs: number };
  /** Shorthand for `latency.baseMs` (used by the CLI and the servers). */
  latencyMs?: number;
  /** Shorthand for `latency.perTokenMs`. */
  tokenMs?: number;
  /** How to wait; must reject when the signal aborts (default: a timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Tokens per streamed chunk (default 4; Infinity: each completion in one chunk). */
  chunkTokens?: number;
}

/** The identity the cache and the run log see. */
export const SIMULATOR_ID = { baseUrl: 'simulator://local', model: 'got-simulator' } as const;

const DEFAULT_LATENCY = { baseMs: 300, perTokenMs: 3 };
const CHARS_PER_TOKEN = 4;

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * GoT Studio's offline model: it reads the prompts of the built-in task templates and answers like
 * an imperfect model whose mistakes grow with the size of what it handles. It sees only the
 * messages; answers are deterministic for (seed, messages, completion index). Honours `n` and
 * `maxTokens`, streams through `onToken`, reports token usage and respects the abort signal.
 */
export function simulatorModel(options: SimulatorOptions = {}): LanguageModel {
  const latency = {
    baseMs: options.latencyMs ?? options.latency?.baseMs ?? DEFAULT_LATENCY.baseMs,
    perTokenMs: options.tokenMs ?? options.latency?.perTokenMs ?? DEFAULT_LATENCY.perTokenMs,
  };
  const sleep = options.sleep ?? timerSleep;
  const chunkTokens = options.chunkTokens ?? 4;
  const wait = async (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) throw new ModelError('aborted', 'the call was cancelled');
    if (ms > 0) await sleep(ms, signal);
  };

  return {
    id: SIMULATOR_ID,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      const started = now();
      const n = Math.max(1, request.n);
      if (request.admit) await request.admit();
      request.beforeRequest?.(n);
      const seed = ((options.seed ?? 0) * 1_000_003 + (options.ignoreRequestSeed ? 0 : (request.seed ?? 0))) >>> 0;
      // Like a real endpoint, an answer longer than maxTokens is cut off there.
      const limit = request.maxTokens === undefined ? Infinity : request.maxTokens * CHARS_PER_TOKEN;
      // The latency counts from the request, so the simulator's own work overlaps it instead of adding to it.
      const latencyOver = wait(latency.baseMs, request.signal);
      const texts = Array.from({ length: n }, (_, i) => simulateCompletion(request.messages, seed, i).slice(0, limit));
      await latencyOver;
      // The n completions stream side by side, one chunk of each per step.
      const chunkChars = Math.max(1, Number.isFinite(chunkTokens) ? chunkTokens * CHARS_PER_TOKEN : Math.max(...texts.map((t) => t.length)));
      const steps = Math.max(...texts.map((t) => Math.ceil(t.length / chunkChars)));
      for (let step = 0; step < steps; step++) {
        for (const [i, text] of texts.entries()) {
          const chunk = text.slice(step * chunkChars, (step + 1) * chunkChars);
          if (chunk) request.onToken?.(i, chunk);
        }
        await wait(latency.perTokenMs * (chunkChars / CHARS_PER_TOKEN), request.signal);
      }
      return {
        texts,
        usage: {
          promptTokens: request.messages.reduce((sum, m) => sum + 3 + roughTokenCount(m.content), 3),
          completionTokens: texts.reduce((sum, t) => sum + roughTokenCount(t), 0),
        },
        requests: 1,
        ms: now() - started,
        cached: false,
      };
    },
  };
}
