import type { ChatMessage, CompletionRequest, CompletionResult, LanguageModel, RetryInfo, TokenUsage } from './types';
import { ModelError } from './types';

/** One call as a scripted model sees it. */
export interface ScriptedCall {
  /** 0-based arrival order of the call (depends on scheduling: do not derive answers from it in determinism tests). */
  index: number;
  messages: ChatMessage[];
  /** The user message's text (the last message), for convenience. */
  prompt: string;
  n: number;
  seed: number | undefined;
  temperature: number | undefined;
  maxTokens: number | undefined;
}

/** A deterministic model for tests: answers, latency, streaming, retries and failures are all functions of the call. */
export interface ScriptedModelOptions {
  /** The text of completion `completion` of `call`; or return all n texts at once as an array. */
  answer: (call: ScriptedCall, completion: number) => string | string[];
  /** Simulated milliseconds per call (default 0: no sleep at all). */
  latency?: number | ((call: ScriptedCall) => number);
  /** How to wait (default setTimeout); tests can inject a virtual clock. Must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Stream each completion in chunks of this many characters through onToken. */
  streamChunk?: number;
  /** Throw this error for the call instead of answering (after the latency). */
  fail?: (call: ScriptedCall) => ModelError | undefined;
  /** Retries to announce through onRetry before answering. */
  retries?: (call: ScriptedCall) => number;
  /** Whether the answer is reported as coming from the cache. */
  cached?: (call: ScriptedCall) => boolean;
  /** Token usage of a call (default: characters / 4, rounded up, per message and per completion). */
  usage?: (call: ScriptedCall, texts: readonly string[]) => TokenUsage;
  /** The id the cache would key on. */
  id?: { baseUrl: string; model: string };
}

/** A scripted model that also counts what happened to it. */
export interface ScriptedModel extends LanguageModel {
  readonly calls: ScriptedCall[];
  /** Calls currently between start and answer. */
  readonly inFlight: number;
  /** The most calls ever in flight at once. */
  readonly maxInFlight: number;
}

const tokensOf = (s: string): number => Math.ceil(s.length / 4);

/** Default sleep: a timer that rejects with an 'aborted' ModelError when the signal fires. */
export function timerSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ModelError('aborted', 'the call was cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new ModelError('aborted', 'the call was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Builds a deterministic scripted LanguageModel (see ScriptedModelOptions). */
export function scriptedModel(options: ScriptedModelOptions): ScriptedModel {
  const sleep = options.sleep ?? timerSleep;
  const calls: ScriptedCall[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  async function complete(req: CompletionRequest): Promise<CompletionResult> {
    // Like a server, it only sees (and records) a call the budget let through.
    if (req.admit) await req.admit();
    req.beforeRequest?.(req.n);
    const call: ScriptedCall = {
      index: calls.length,
      messages: req.messages,
      prompt: req.messages[req.messages.length - 1]?.content ?? '',
      n: req.n,
      seed: req.seed,
      temperature: req.temperature,
      maxTokens: req.maxTokens,
    };
    calls.push(call);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (req.signal?.aborted) throw new ModelError('aborted', 'the call was cancelled');
      const ms = typeof options.latency === 'function' ? options.latency(call) : (options.latency ?? 0);
      const retries = options.retries?.(call) ?? 0;
      for (let attempt = 1; attempt <= retries; attempt++) {
        const info: RetryInfo = { attempt, reason: 'scripted retry', status: 503, delayMs: 0 };
        req.onRetry?.(info);
      }
      if (ms > 0) await sleep(ms, req.signal);
      const failure = options.fail?.(call);
      if (failure) throw failure;
      const texts = answersOf(options, call);
      if (options.streamChunk && req.onToken) {
        const size = options.streamChunk;
        texts.forEach((text, i) => {
          for (let at = 0; at < text.length; at += size) req.onToken?.(i, text.slice(at, at + size));
        });
      }
      const usage = options.usage?.(call, texts) ?? {
        promptTokens: req.messages.reduce((sum, m) => sum + tokensOf(m.content), 0),
        completionTokens: texts.reduce((sum, t) => sum + tokensOf(t), 0),
      };
      return { texts, usage, requests: 1, ms, cached: options.cached?.(call) ?? false };
    } finally {
      inFlight -= 1;
    }
  }

  return {
    id: options.id ?? { baseUrl: 'scripted://', model: 'scripted' },
    complete,
    calls,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

function answersOf(options: ScriptedModelOptions, call: ScriptedCall): string[] {
  const first = options.answer(call, 0);
  if (Array.isArray(first)) return first;
  const texts = [first];
  for (let i = 1; i < call.n; i++) {
    const t = options.answer(call, i);
    texts.push(Array.isArray(t) ? (t[0] ?? '') : t);
  }
  return texts;
}
