import type * as Sdk from 'openai';
import type { ChatCompletionChunk, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { createLimiter, type RequestLimiter } from './limiter';
import { CALL_HEADER, tracingFetch, type CallTrace } from './openaiFetch';
import { displayUrl, toModelError, type ErrorContext } from './openaiErrors';
import { DEFAULT_PRICES, lookupPrice } from './pricing';
import { countTextTokens, estimatePromptTokens } from './tokens';
import {
  ModelError,
  type CompletionRequest,
  type CompletionResult,
  type LanguageModel,
  type ModelPrice,
  type TokenUsage,
} from './types';

/** Settings of an OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, llama.cpp, the simulator server). */
export interface OpenAIModelConfig {
  /** e.g. https://api.openai.com/v1 or http://localhost:11434/v1 */
  baseUrl: string;
  model: string;
  /** Never logged nor shown; a local server without keys can leave it empty. */
  apiKey?: string;
  /** The fetch to use (tests, proxies); defaults to the global one. */
  fetch?: typeof fetch;
  /** Requests in flight at once to this endpoint (default: no limit). */
  maxConcurrency?: number;
  /** Requests started per minute to this endpoint (default: no limit). */
  requestsPerMinute?: number;
  /** A stream with no chunk for this long is cut (default 30 s). */
  stallMs?: number;
  /** Wait for the response headers of one attempt (default 120 s). */
  timeoutMs?: number;
  /** The SDK's retries for 429, 5xx, timeouts and refused connections (default 2). */
  maxRetries?: number;
  /** Running in a browser page (default: detected). */
  browser?: boolean;
  /** Dollars per million tokens; defaults to the price table entry for the model, if any. */
  pricing?: ModelPrice;
}

/** An OpenAI-compatible model, with the price its calls cost. */
export interface OpenAIModel extends LanguageModel {
  readonly price: ModelPrice | undefined;
  /**
   * Loads the SDK, makes this provider's client and builds one chat request without sending it, so
   * its first call meets compiled code: for time the process would spend waiting anyway (the CLI
   * calls it while the server answers `GET /models`). Throws only when the SDK cannot load.
   */
  prepare(): Promise<void>;
}

interface StreamOutcome {
  texts: string[];
  usage: TokenUsage | undefined;
  /** HTTP requests sent for it, retries included. */
  attempts: number;
}

// Remembered per endpoint for the life of the page/process: servers found to ignore `n`.
const ignoresN = new Set<string>();
// One limiter per endpoint and limits, shared by every model object that talks to it.
const limiters = new Map<string, RequestLimiter>();

// Fallback requests need distinct seeds, or a seeded server would answer k times the same.
function fallbackSeed(seed: number | undefined, index: number): number | undefined {
  if (seed === undefined || index === 0) return seed;
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index, 0xc2b2ae35)) >>> 0;
}

// The SDK needs an absolute URL; in a page, `/api/llm` means the Studio's own proxy.
function absoluteUrl(url: string): string {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  return url.startsWith('/') && typeof origin === 'string' && origin.startsWith('http') ? `${origin}${url}` : url;
}

// The SDK refuses to run in pages and workers unless told this is intended (the user's own key, or the proxy).
function inBrowser(): boolean {
  return 'document' in globalThis || typeof (globalThis as { importScripts?: unknown }).importScripts === 'function';
}

// Reasoning models take max_completion_tokens and refuse max_tokens.
function usesCompletionTokens(model: string): boolean {
  return /^(o\d|gpt-5)/i.test(model);
}

let sdkModule: Promise<typeof Sdk> | undefined;

/**
 * Starts loading the openai SDK (once per process or page). Call it when a run is requested, so the
 * load overlaps validation and input resolution instead of delaying the run's first call.
 */
export function preloadOpenAiSdk(): Promise<typeof Sdk> {
  sdkModule ??= import('openai');
  sdkModule.catch(() => (sdkModule = undefined));
  return sdkModule;
}

/**
 * A LanguageModel over any OpenAI-compatible chat-completions endpoint, through the `openai` SDK
 * (loaded on first call). Streams tokens, asks for all `n` completions in one request and falls
 * back to separate requests where a server ignores `n`, reports the SDK's retries, cuts stalled
 * streams, limits concurrency and requests per minute per endpoint, and turns every failure into
 * a ModelError with a message the user can act on. The API key never appears in a message.
 */
export function openAIModel(config: OpenAIModelConfig): OpenAIModel {
  const baseUrl = absoluteUrl(config.baseUrl.trim()).replace(/\/+$/, '');
  const model = config.model;
  const maxRetries = config.maxRetries ?? 2;
  const timeoutMs = config.timeoutMs ?? 120_000;
  const stallMs = config.stallMs ?? 30_000;
  const endpointKey = `${baseUrl}|${model}`;
  const limiterKey = `${baseUrl}|${config.maxConcurrency ?? '∞'}|${config.requestsPerMinute ?? '∞'}`;
  const limiter =
    limiters.get(limiterKey) ??
    createLimiter({ maxConcurrency: config.maxConcurrency, requestsPerMinute: config.requestsPerMinute });
  limiters.set(limiterKey, limiter);
  const shownUrl = displayUrl(baseUrl);
  const errorContext: ErrorContext = { baseUrl, model, apiKey: config.apiKey, maxRetries, timeoutMs };
  const traces = new Map<string, CallTrace>();
  let nextCallId = 0;
  let saidFallback = false;
  let saidEstimate = false;

  let loading: Promise<{ sdk: typeof Sdk; client: Sdk.OpenAI }> | undefined;
  const load = () => {
    loading ??= preloadOpenAiSdk().then((sdk) => {
      const client = new sdk.OpenAI({
        baseURL: baseUrl,
        // The SDK insists on a key; keyless local servers (and the same-origin proxy) ignore this one.
        apiKey: config.apiKey || 'no-key',
        organization: null,
        project: null,
        maxRetries,
        timeout: timeoutMs,
        fetch: tracingFetch(config.fetch ?? ((input, init) => globalThis.fetch(input, init)), traces),
        dangerouslyAllowBrowser: config.browser ?? inBrowser(),
        logLevel: 'off',
      });
      return { sdk, client };
    });
    loading.catch(() => (loading = undefined));
    return loading;
  };

  async function streamOnce(
    request: CompletionRequest,
    n: number,
    seed: number | undefined,
    indexOffset: number,
    callSignal: AbortSignal,
  ): Promise<StreamOutcome> {
    const { sdk, client } = await load();
    const release = await limiter.acquire(callSignal);
    const controller = new AbortController();
    const forward = () => controller.abort();
    callSignal.addEventListener('abort', forward, { once: true });
    if (callSignal.aborted) controller.abort();
    const callId = String(nextCallId++);
    // A refused attempt (a cap) aborts this request, so the SDK gives up instead of retrying it.
    let refused: unknown;
    const trace: CallTrace = {
      attempts: 0,
      maxRetries,
      timeoutMs,
      signal: callSignal,
      onRetry: request.onRetry,
      beforeAttempt: () => request.beforeRequest?.(n),
      onRefused: (err) => {
        refused = err;
        controller.abort();
      },
    };
    traces.set(callId, trace);
    let stalled = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, stallMs);
    };
    const body: ChatCompletionCreateParamsStreaming = {
      model,
      messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
      stream: true,
      stream_options: { include_usage: true },
    };
    if (n > 1) body.n = n;
    if (request.temperature !== undefined) body.temperature = request.temperature;
    if (request.maxTokens !== undefined) {
      if (usesCompletionTokens(model)) body.max_completion_tokens = request.maxTokens;
      else body.max_tokens = request.maxTokens;
    }
    if (seed !== undefined) body.seed = seed;

    const texts: string[] = [];
    let usage: TokenUsage | undefined;
    try {
      const stream = await client.chat.completions.create(body, {
        signal: controller.signal,
        headers: { [CALL_HEADER]: callId },
      });
      arm();
      for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
        arm();
        if (!chunk || typeof chunk !== 'object') continue;
        for (const choice of Array.isArray(chunk.choices) ? chunk.choices : []) {
          const index = typeof choice.index === 'number' ? choice.index : 0;
          if (index < 0 || index >= n) continue;
          while (texts.length <= index) texts.push('');
          const delta = choice.delta?.content;
          if (typeof delta === 'string' && delta.length > 0) {
            texts[index] += delta;
            request.onToken?.(indexOffset + index, delta);
          }
        }
        if (chunk.usage) {
          usage = { promptTokens: chunk.usage.prompt_tokens ?? 0, completionTokens: chunk.usage.completion_tokens ?? 0 };
        }
      }
    } catch (err) {
      if (refused !== undefined) throw refused instanceof ModelError ? refused : new ModelError('budget', String(refused));
      if (stalled) throw stallError();
      if (callSignal.aborted) throw new ModelError('aborted', 'the call was cancelled');
      throw toModelError(err, sdk, errorContext);
    } finally {
      clearTimeout(watchdog);
      callSignal.removeEventListener('abort', forward);
      traces.delete(callId);
      release();
    }
    // An abort mid-stream ends the loop quietly with partial text: never pass that off as an answer.
    if (stalled) throw stallError();
    if (callSignal.aborted) throw new ModelError('aborted', 'the call was cancelled');
    if (texts.length === 0) {
      throw new ModelError('badAnswer', `the server at ${shownUrl} answered without any completion (no choices in its stream)`);
    }
    return { texts, usage, attempts: trace.attempts };
  }

  const stallError = () =>
    new ModelError('stall', `the stream from ${shownUrl} stalled: no data for ${Math.round(stallMs / 100) / 10} s`);

  async function usageOf(request: CompletionRequest, outcomes: StreamOutcome[]): Promise<TokenUsage> {
    const total: TokenUsage = { promptTokens: 0, completionTokens: 0 };
    let estimated = false;
    for (const outcome of outcomes) {
      if (outcome.usage) {
        total.promptTokens += outcome.usage.promptTokens;
        total.completionTokens += outcome.usage.completionTokens;
        continue;
      }
      estimated = true;
      total.promptTokens += await estimatePromptTokens(request.messages, model);
      for (const text of outcome.texts) total.completionTokens += await countTextTokens(text, model);
    }
    if (estimated && !saidEstimate) {
      saidEstimate = true;
      request.onNotice?.(`The server at ${shownUrl} sent no token usage: token counts are estimated with the tokenizer.`);
    }
    return total;
  }

  async function separateRequests(
    request: CompletionRequest,
    from: number,
    to: number,
    signal: AbortSignal,
  ): Promise<StreamOutcome[]> {
    const jobs: Array<Promise<StreamOutcome>> = [];
    for (let index = from; index < to; index++) {
      jobs.push(streamOnce(request, 1, fallbackSeed(request.seed, index), index, signal));
    }
    return Promise.all(jobs);
  }

  return {
    id: { baseUrl, model },
    price: config.pricing ?? lookupPrice(DEFAULT_PRICES, model),
    async prepare(): Promise<void> {
      const { client } = await load();
      const body: ChatCompletionCreateParamsStreaming = { model, messages: [{ role: 'user', content: '' }], stream: true, stream_options: { include_usage: true } };
      // Built, never sent: a warm-up that fails changes nothing.
      await client.buildRequest({ method: 'post', path: '/chat/completions', body, headers: { [CALL_HEADER]: 'prepare' } }).catch(() => undefined);
    },
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      const started = performance.now();
      const n = Math.max(1, Math.floor(request.n));
      // One signal for every request of this call: the caller's cancel, or a sibling request's failure.
      const call = new AbortController();
      const onCallerAbort = () => call.abort();
      if (request.signal?.aborted) throw new ModelError('aborted', 'the call was cancelled');
      request.signal?.addEventListener('abort', onCallerAbort, { once: true });
      try {
        await request.admit?.();
        let outcomes: StreamOutcome[];
        if (n > 1 && ignoresN.has(endpointKey)) {
          if (!saidFallback) {
            saidFallback = true;
            request.onNotice?.(`The server at ${shownUrl} ignores n: making ${n} separate requests per call instead.`);
          }
          outcomes = await separateRequests(request, 0, n, call.signal);
        } else {
          const first = await streamOnce(request, n, request.seed, 0, call.signal);
          outcomes = [first];
          if (first.texts.length < n) {
            ignoresN.add(endpointKey);
            if (!saidFallback) {
              saidFallback = true;
              request.onNotice?.(
                `The server at ${shownUrl} ignored n=${n} and sent ${first.texts.length}: falling back to separate requests for the rest (remembered for this endpoint).`,
              );
            }
            outcomes.push(...(await separateRequests(request, first.texts.length, n, call.signal)));
          }
        }
        const texts = outcomes.flatMap((o) => o.texts);
        return {
          texts,
          usage: await usageOf(request, outcomes),
          requests: outcomes.reduce((sum, o) => sum + o.attempts, 0),
          ms: performance.now() - started,
          cached: false,
        };
      } catch (err) {
        call.abort();
        throw err instanceof ModelError ? err : new ModelError('unknown', String(err));
      } finally {
        request.signal?.removeEventListener('abort', onCallerAbort);
      }
    },
  };
}
