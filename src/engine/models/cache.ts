import { hashString } from './hash';
import type { CompletionRequest, CompletionResult, LanguageModel, TokenUsage } from './types';

/** What the response cache keeps for one request. */
export interface CachedCompletion {
  texts: string[];
  usage: TokenUsage;
  /** Epoch milliseconds when it was stored. */
  savedAt: number;
}

/** Where cached completions live: memory, IndexedDB (browser) or a folder (CLI). Any method may throw or reject. */
export interface CacheStore {
  get(key: string): Promise<CachedCompletion | undefined>;
  set(key: string, value: CachedCompletion): Promise<void>;
  clear(): Promise<void>;
  size(): Promise<number>;
}

/** A cache store that lives as long as the page or process. */
export function memoryCacheStore(): CacheStore {
  const entries = new Map<string, CachedCompletion>();
  return {
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
    clear: async () => entries.clear(),
    size: async () => entries.size,
  };
}

/**
 * A persistent store (IndexedDB, a folder) with a memory layer in front: answers read or written
 * once are served from memory for the rest of the session, and still outlive it on disk.
 */
export function withMemoryLayer(persistent: CacheStore): CacheStore {
  const memory = new Map<string, CachedCompletion>();
  return {
    async get(key) {
      const known = memory.get(key);
      if (known) return known;
      const stored = await persistent.get(key);
      if (stored) memory.set(key, stored);
      return stored;
    },
    async set(key, value) {
      memory.set(key, value);
      await persistent.set(key, value);
    },
    async clear() {
      memory.clear();
      await persistent.clear();
    },
    size: () => persistent.size(),
  };
}

export interface CacheOptions {
  /** Off: every call goes to the model (the store is left alone). */
  enabled: boolean;
  /** The dataset row of the run, so two samples never share answers. */
  sampleIndex?: number | null;
}

/** The cache key of a request: a hash over everything that shapes the answer (never callbacks or the signal). */
export function cacheKey(model: LanguageModel, request: CompletionRequest, sampleIndex: number | null = null): string {
  const shape = {
    baseUrl: model.id.baseUrl,
    model: model.id.model,
    messages: request.messages.map((m) => [m.role, m.content]),
    temperature: request.temperature ?? null,
    maxTokens: request.maxTokens ?? null,
    n: request.n,
    seed: request.seed ?? null,
    sampleIndex,
  };
  return hashString(JSON.stringify(shape));
}

/**
 * Wraps a model with a response cache. A hit answers with `cached: true`, `requests: 0`, `ms` ≈ 0
 * and the stored usage, and replays its texts through `onToken` so the UI still shows them.
 * A failing store (quota, full disk) never fails a call: the first failure is reported through
 * `onNotice` and the call goes on without the cache.
 */
export function withCache(model: LanguageModel, store: CacheStore, opts: CacheOptions): LanguageModel {
  if (!opts.enabled) return model;
  const sampleIndex = opts.sampleIndex ?? null;
  let warned = false;
  const warn = (request: CompletionRequest, action: string, err: unknown): void => {
    if (warned) return;
    warned = true;
    const reason = err instanceof Error ? err.message : String(err);
    request.onNotice?.(`The response cache could not ${action} (${reason}): carrying on without it.`);
  };

  return {
    id: model.id,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      const key = cacheKey(model, request, sampleIndex);
      const started = performance.now();
      let hit: CachedCompletion | undefined;
      try {
        hit = await store.get(key);
      } catch (err) {
        warn(request, 'be read', err);
      }
      if (hit && hit.texts.length === request.n) {
        hit.texts.forEach((text, index) => request.onToken?.(index, text));
        return {
          texts: [...hit.texts],
          usage: { ...hit.usage },
          requests: 0,
          ms: performance.now() - started,
          cached: true,
        };
      }
      const result = await model.complete(request);
      try {
        await store.set(key, { texts: result.texts, usage: result.usage, savedAt: Date.now() });
      } catch (err) {
        warn(request, 'be written', err);
      }
      return result;
    },
  };
}
