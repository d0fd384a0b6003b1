import { hashString } from './hash';
import type { CompletionRequest, CompletionResult, LanguageModel, TokenUsage } from './types';

/** What the response cache keeps for one request. */
export interface CachedCompletion {
  texts: string[];
  usage: TokenUsage;
  /** Epoch milliseconds when it was stored. */
  savedAt: number;
  /** The key of the request it answers: an entry under another key is not its answer. */
  key?: string;
  /** A hash over key, texts and usage as written: an entry edited afterwards no longer matches. */
  digest?: string;
}

/** What a store found that it could not even parse (a truncated file): a miss the run is told about. */
export class UnreadableEntry {
  constructor(readonly reason: string) {}
}

/**
 * Where cached completions live: memory, IndexedDB (browser) or a folder (CLI). `get` hands back
 * what is stored, unchecked (withCache checks it). Any method may throw or reject.
 */
export interface CacheStore {
  /** A CachedCompletion as written, an UnreadableEntry, anything else found there, or undefined. */
  get(key: string): Promise<unknown>;
  set(key: string, value: CachedCompletion): Promise<void>;
  clear(): Promise<void>;
  size(): Promise<number>;
  /** Every key stored, when the store can list them: a memory layer in front reads them once, so a miss costs no lookup. */
  keys?(): Promise<Iterable<string>>;
}

/** A cache store that lives as long as the page or process. */
export function memoryCacheStore(): CacheStore {
  const entries = new Map<string, unknown>();
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
export function withMemoryLayer(persistent: CacheStore): CacheStore & { warm(): void } {
  const memory = new Map<string, unknown>();
  // The keys the persistent store holds, read once when it can list them: a key not among them is a
  // miss without a lookup (in a browser an IndexedDB read per call, queued behind the answers being
  // written). An answer another tab or process writes after that read is missed once and asked again.
  let known: Promise<Set<string> | null> | null = null;
  const index = (): Promise<Set<string> | null> =>
    (known ??= persistent.keys
      ? persistent.keys().then(
          (keys) => new Set(keys),
          () => null,
        )
      : Promise.resolve(null));
  return {
    async get(key) {
      const inMemory = memory.get(key);
      if (inMemory) return inMemory;
      const keys = await index();
      if (keys && !keys.has(key)) return undefined;
      const stored = await persistent.get(key);
      if (stored !== undefined) memory.set(key, stored);
      return stored;
    },
    async set(key, value) {
      memory.set(key, value);
      void index().then((keys) => keys?.add(key));
      await persistent.set(key, value);
    },
    async clear() {
      memory.clear();
      known = Promise.resolve(new Set());
      await persistent.clear();
    },
    size: () => persistent.size(),
    /** Reads the persistent store's keys now (e.g. when a run is in sight), so the run's first lookup does not wait for them. */
    warm() {
      void index();
    },
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;

// Checked by hand, not with a schema library: a cache hit must stay well under a millisecond, first one included.
function shapeProblem(v: unknown): string | null {
  if (!isRecord(v)) return 'entry: not an object';
  if (!Array.isArray(v.texts) || !v.texts.every((t) => typeof t === 'string')) return 'texts: not a list of strings';
  if (!isRecord(v.usage)) return 'usage: missing';
  if (!isCount(v.usage.promptTokens)) return `usage.promptTokens: ${String(v.usage.promptTokens)} is not a token count`;
  if (!isCount(v.usage.completionTokens)) return `usage.completionTokens: ${String(v.usage.completionTokens)} is not a token count`;
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt)) return 'savedAt: not a time';
  if (typeof v.key !== 'string' || typeof v.digest !== 'string') return 'key or digest: missing (written by an older version?)';
  return null;
}

const digestOf = (key: string, texts: readonly string[], usage: TokenUsage): string =>
  hashString(JSON.stringify([key, texts, usage.promptTokens, usage.completionTokens]));

/** A cache entry for a request, stamped with its key and a digest of its content. */
export function cacheEntry(key: string, texts: string[], usage: TokenUsage, savedAt = Date.now()): CachedCompletion {
  return { texts, usage: { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens }, savedAt, key, digest: digestOf(key, texts, usage) };
}

/** The stored entry if it is a sound answer to the request under `key` and asking for `n`, else why not. */
export function checkCacheEntry(stored: unknown, key: string, n: number): { ok: true; entry: CachedCompletion } | { ok: false; reason: string } {
  if (stored instanceof UnreadableEntry) return { ok: false, reason: stored.reason };
  const problem = shapeProblem(stored);
  if (problem) return { ok: false, reason: `it is not a cache entry (${problem})` };
  const entry = stored as Required<CachedCompletion>;
  if (entry.key !== key) return { ok: false, reason: 'it answers another request' };
  if (entry.texts.length !== n) return { ok: false, reason: `it holds ${entry.texts.length} answers where ${n} were asked for` };
  if (entry.digest !== digestOf(key, entry.texts, entry.usage)) return { ok: false, reason: 'its answers or usage were changed after it was written' };
  return { ok: true, entry };
}

/** Bad entries named one by one in a run's log; past this, one line says more were skipped. */
const NAMED_BAD_ENTRIES = 5;

/**
 * Wraps a model with a response cache. A hit answers with `cached: true`, `requests: 0`, `ms` ≈ 0
 * and the stored usage, and replays its texts through `onToken` so the UI still shows them.
 * A fresh answer is written behind the run (the call does not wait for the store); `settle()` waits
 * for the writes still going. A failing store (quota, full disk) never fails a call: the first
 * failure is reported through `onNotice` (a failed write with the next call, or by `settle()`) and
 * the calls go on.
 */
export function withCache(model: LanguageModel, store: CacheStore, opts: CacheOptions): LanguageModel {
  if (!opts.enabled) return model;
  const sampleIndex = opts.sampleIndex ?? null;
  let warned = false;
  let badEntries = 0;
  const noteBad = (request: CompletionRequest, key: string, reason: string): void => {
    badEntries += 1;
    if (badEntries <= NAMED_BAD_ENTRIES) request.onNotice?.(`The cached answer ${key.slice(0, 12)} was not used because ${reason}: asking the model instead.`);
    else if (badEntries === NAMED_BAD_ENTRIES + 1) request.onNotice?.('More cached answers were unsound and not used; they are being replaced.');
  };
  const failure = (action: string, err: unknown): string | null => {
    if (warned) return null;
    warned = true;
    const reason = err instanceof Error ? err.message : String(err);
    return `The response cache could not ${action} (${reason}): carrying on without it.`;
  };
  const warn = (request: CompletionRequest, action: string, err: unknown): void => {
    const notice = failure(action, err);
    if (notice) request.onNotice?.(notice);
  };
  // Answers are written behind the run: the call returns as soon as its answer is in, and the next
  // call waits for no disk or IndexedDB. A failed write is told with the next call, or by settle().
  const writing = new Set<Promise<void>>();
  let untold: string | null = null;
  const writeBehind = (key: string, result: CompletionResult): void => {
    let started: Promise<void>;
    try {
      // Called at once, so a memory layer holds the answer before the next call looks for it.
      started = store.set(key, cacheEntry(key, result.texts, result.usage));
    } catch (err) {
      started = Promise.reject(err);
    }
    const write = started
      .catch((err: unknown) => {
        untold ??= failure('be written', err);
      })
      .finally(() => writing.delete(write));
    writing.add(write);
  };

  return {
    id: model.id,
    async settle(): Promise<string[]> {
      while (writing.size > 0) await Promise.all(writing);
      const told = untold ? [untold] : [];
      untold = null;
      return [...told, ...((await model.settle?.()) ?? [])];
    },
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      if (untold) {
        request.onNotice?.(untold);
        untold = null;
      }
      const key = cacheKey(model, request, sampleIndex);
      const started = performance.now();
      let stored: unknown;
      try {
        stored = await store.get(key);
      } catch (err) {
        warn(request, 'be read', err);
      }
      let hit: CachedCompletion | undefined;
      if (stored !== undefined) {
        const checked = checkCacheEntry(stored, key, request.n);
        if (checked.ok) hit = checked.entry;
        else noteBad(request, key, checked.reason);
      }
      if (hit) {
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
      writeBehind(key, result);
      return result;
    },
  };
}
