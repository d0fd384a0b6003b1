import { describe, expect, it, vi } from 'vitest';
import { cacheEntry, cacheKey, memoryCacheStore, UnreadableEntry, withCache, withMemoryLayer, type CacheStore } from './cache';
import type { CompletionRequest, LanguageModel } from './types';
import { op, params, runOps } from '../run/testing';

function countingModel(): LanguageModel & { calls: number } {
  const model = {
    id: { baseUrl: 'http://models.test/v1', model: 'm' },
    calls: 0,
    async complete(request: CompletionRequest) {
      model.calls += 1;
      const texts = Array.from({ length: request.n }, (_, i) => `answer ${model.calls}.${i}`);
      return { texts, usage: { promptTokens: 10, completionTokens: 4 }, requests: 1, ms: 25, cached: false };
    },
  };
  return model;
}

const request = (extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  messages: [{ role: 'user', content: 'sort [3, 1, 2]' }],
  n: 2,
  temperature: 1,
  seed: 11,
  ...extra,
});

describe('withCache', () => {
  it('answers an identical request from the cache, replaying its text through onToken', async () => {
    const model = countingModel();
    const cached = withCache(model, memoryCacheStore(), { enabled: true, sampleIndex: 3 });
    const first = await cached.complete(request());
    const streamed: Array<[number, string]> = [];
    // A frozen clock: the hit's ms is its own (0 here), never the model's 25, however busy the machine.
    vi.useFakeTimers({ toFake: ['performance'] });
    const second = await cached.complete(request({ onToken: (i, d) => streamed.push([i, d]) })).finally(() => vi.useRealTimers());
    expect(model.calls).toBe(1);
    expect(second.texts).toEqual(first.texts);
    expect(second).toMatchObject({ cached: true, requests: 0, usage: { promptTokens: 10, completionTokens: 4 } });
    expect(second.ms).toBe(0);
    expect(streamed).toEqual([
      [0, 'answer 1.0'],
      [1, 'answer 1.1'],
    ]);
  });

  it('misses when the seed, the sample index, n or a message differs', async () => {
    const model = countingModel();
    const store = memoryCacheStore();
    await withCache(model, store, { enabled: true, sampleIndex: 0 }).complete(request());
    await withCache(model, store, { enabled: true, sampleIndex: 1 }).complete(request());
    const sample0 = withCache(model, store, { enabled: true, sampleIndex: 0 });
    await sample0.complete(request({ seed: 12 }));
    await sample0.complete(request({ n: 3 }));
    await sample0.complete(request({ messages: [{ role: 'user', content: 'sort [3, 2, 1]' }] }));
    expect(model.calls).toBe(5);
    expect(await store.size()).toBe(5);
  });

  it('keys on temperature, max tokens and the model name as well', () => {
    const a = countingModel();
    const base = cacheKey(a, request());
    expect(cacheKey(a, request({ temperature: 0.5 }))).not.toBe(base);
    expect(cacheKey(a, request({ maxTokens: 100 }))).not.toBe(base);
    expect(cacheKey({ ...a, id: { ...a.id, model: 'other' } }, request())).not.toBe(base);
  });

  it('keys on the endpoint too', () => {
    const a = countingModel();
    const b = { ...countingModel(), id: { baseUrl: 'http://other.test/v1', model: 'm' } };
    expect(cacheKey(a, request())).not.toBe(cacheKey(b, request()));
    expect(cacheKey(a, request())).toBe(cacheKey(a, request({ onToken: () => undefined })));
  });

  it('calls the model every time when disabled and leaves the store alone', async () => {
    const model = countingModel();
    const store = memoryCacheStore();
    const cached = withCache(model, store, { enabled: false });
    await cached.complete(request());
    const again = await cached.complete(request());
    expect(model.calls).toBe(2);
    expect(again.cached).toBe(false);
    expect(await store.size()).toBe(0);
  });

  it('carries on when the store fails, saying so once', async () => {
    const broken: CacheStore = {
      get: async () => {
        throw new Error('QuotaExceededError');
      },
      set: async () => {
        throw new Error('disk full');
      },
      clear: async () => undefined,
      size: async () => 0,
    };
    const model = countingModel();
    const cached = withCache(model, broken, { enabled: true });
    const notices: string[] = [];
    const first = await cached.complete(request({ onNotice: (m) => notices.push(m) }));
    await cached.complete(request({ onNotice: (m) => notices.push(m) }));
    expect(first.texts).toHaveLength(2);
    expect(model.calls).toBe(2);
    expect(notices).toEqual(['The response cache could not be read (QuotaExceededError): carrying on without it.']);
  });
});

describe('checked cache entries', () => {
  const key = (model: LanguageModel, r = request()) => cacheKey(model, r, null);

  it('uses a sound entry, and treats a tampered one as a miss that the run is told about and that is replaced', async () => {
    const model = countingModel();
    const store = memoryCacheStore();
    const k = key(model);
    const bad = [
      { texts: ['x', 'y'], usage: { promptTokens: -10_000_000_000, completionTokens: 4 }, savedAt: 0, key: k, digest: 'd' },
      { ...cacheEntry(k, ['evil', 'evil'], { promptTokens: 1, completionTokens: 1 }), texts: ['changed', 'evil'] },
      cacheEntry(key(model, request({ seed: 99 })), ['other', 'request'], { promptTokens: 1, completionTokens: 1 }),
      { texts: ['a', 'b'], usage: { promptTokens: 1, completionTokens: 1 }, savedAt: 0 },
      new UnreadableEntry('its file is not valid JSON'),
      'just text',
    ];
    for (const entry of bad) {
      await store.set(k, entry as never);
      const notices: string[] = [];
      const result = await withCache(model, store, { enabled: true }).complete(request({ onNotice: (m) => notices.push(m) }));
      expect(result.cached).toBe(false);
      expect(result.usage).toEqual({ promptTokens: 10, completionTokens: 4 });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(k.slice(0, 12));
    }
    const notices: string[] = [];
    const hit = await withCache(model, store, { enabled: true }).complete(request({ onNotice: (m) => notices.push(m) }));
    expect(hit.cached).toBe(true);
    expect(notices).toEqual([]);
  });

  it('names the first few bad entries of a run and then says once that more were skipped', async () => {
    const model = countingModel();
    const store = memoryCacheStore();
    const cached = withCache(model, store, { enabled: true });
    const notices: string[] = [];
    for (let seed = 0; seed < 8; seed++) {
      await store.set(key(model, request({ seed })), 'broken' as never);
      await cached.complete(request({ seed, onNotice: (m) => notices.push(m) }));
    }
    expect(notices).toHaveLength(6);
    expect(notices[5]).toMatch(/More cached answers were unsound/);
  });
});

describe('withMemoryLayer', () => {
  const spyStore = () => {
    const inner = memoryCacheStore();
    const reads: string[] = [];
    const store: CacheStore = { ...inner, get: (key) => (reads.push(key), inner.get(key)) };
    return { store, reads, inner };
  };
  const entry = { texts: ['a'], usage: { promptTokens: 1, completionTokens: 1 }, savedAt: 0 };

  it('serves repeated reads from memory and writes through to the persistent store', async () => {
    const { store, reads, inner } = spyStore();
    const layered = withMemoryLayer(store);
    await layered.set('k', entry);
    expect(await inner.get('k')).toEqual(entry);
    expect(await layered.get('k')).toEqual(entry);
    expect(reads).toEqual([]);
  });

  it('reads the persistent store once for an answer a previous session saved', async () => {
    const { store, reads, inner } = spyStore();
    await inner.set('old', entry);
    const layered = withMemoryLayer(store);
    expect(await layered.get('old')).toEqual(entry);
    expect(await layered.get('old')).toEqual(entry);
    expect(await layered.get('missing')).toBeUndefined();
    expect(reads).toEqual(['old', 'missing']);
    await layered.clear();
    expect(await layered.size()).toBe(0);
    expect(await layered.get('old')).toBeUndefined();
  });
});

describe('answers written behind the run', () => {
  /** A store whose writes wait for `release` (or fail with `fail`): the call must not wait for them. */
  function slowStore(fail?: string) {
    const inner = memoryCacheStore();
    let release = (): void => undefined;
    const released = new Promise<void>((done) => (release = done));
    const store: CacheStore = {
      get: (key) => inner.get(key),
      set: async (key, value) => {
        await released;
        if (fail) throw new Error(fail);
        await inner.set(key, value);
      },
      clear: () => inner.clear(),
      size: () => inner.size(),
    };
    return { store, release, inner };
  }

  it('returns a fresh answer before the store has written it, and settle() waits for the write', async () => {
    const { store, release, inner } = slowStore();
    const cached = withCache(countingModel(), store, { enabled: true });
    const answer = await cached.complete(request());
    expect(answer.texts).toHaveLength(2);
    expect(await inner.size()).toBe(0);
    let settled = false;
    const settling = cached.settle!().then((notes) => ((settled = true), notes));
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    expect(await settling).toEqual([]);
    expect(await inner.size()).toBe(1);
  });

  it('tells a failed write with the next call, once', async () => {
    const { store, release } = slowStore('disk full');
    release();
    const cached = withCache(countingModel(), store, { enabled: true });
    const notices: string[] = [];
    await cached.complete(request({ seed: 1, onNotice: (m) => notices.push(m) }));
    await new Promise((done) => setTimeout(done, 0));
    await cached.complete(request({ seed: 2, onNotice: (m) => notices.push(m) }));
    await cached.complete(request({ seed: 3, onNotice: (m) => notices.push(m) }));
    expect(notices).toEqual(['The response cache could not be written (disk full): carrying on without it.']);
    expect(await cached.settle!()).toEqual([]);
  });

  it('logs a failed write of the run’s last call before the run ends', async () => {
    const { store, release } = slowStore('QuotaExceededError');
    const cached = withCache(countingModel(), store, { enabled: true });
    setTimeout(release, 5);
    const result = await runOps([op('g', 'generate', [], params.generate(2, 'go'))], { current: 'x' }, cached);
    const logged = result.events.findIndex((e) => e.type === 'log' && e.message === 'The response cache could not be written (QuotaExceededError): carrying on without it.');
    expect(logged).toBeGreaterThan(-1);
    expect(result.events[logged]).toMatchObject({ level: 'warn' });
    expect(result.events.at(-1)?.type).toBe('run.done');
    expect(result.summary.status).toBe('completed');
  });

  it('keeps an answer being written visible to the same request at once, through the memory layer', async () => {
    const { store } = slowStore();
    const model = countingModel();
    const cached = withCache(model, withMemoryLayer(store), { enabled: true });
    await cached.complete(request());
    expect((await cached.complete(request())).cached).toBe(true);
    expect(model.calls).toBe(1);
  });
});

describe('a memory layer over a store that lists its keys', () => {
  function listingStore(keysFail = false) {
    const inner = memoryCacheStore();
    const stored = new Set<string>();
    const reads: string[] = [];
    let listed = 0;
    const store: CacheStore = {
      get: (key) => (reads.push(key), inner.get(key)),
      set: async (key, value) => {
        stored.add(key);
        await inner.set(key, value);
      },
      clear: async () => {
        stored.clear();
        await inner.clear();
      },
      size: () => inner.size(),
      keys: async () => {
        listed += 1;
        if (keysFail) throw new Error('cannot list');
        return [...stored];
      },
    };
    return { store, reads, listed: () => listed };
  }

  it('answers a miss without reading the store, reads a key it holds, and lists the keys once', async () => {
    const { store, reads, listed } = listingStore();
    const model = countingModel();
    await withCache(model, store, { enabled: true }).complete(request({ seed: 1 }));
    const layered = withMemoryLayer(store);
    const cached = withCache(model, layered, { enabled: true });
    layered.warm();
    await cached.complete(request({ seed: 2 }));
    await cached.complete(request({ seed: 3 }));
    expect(reads).toHaveLength(1);
    reads.length = 0;
    expect((await cached.complete(request({ seed: 1 }))).cached).toBe(true);
    expect(reads).toHaveLength(1);
    expect(listed()).toBe(1);
    expect(model.calls).toBe(3);
  });

  it('reads the store for every miss when it cannot list its keys, and forgets the keys on clear', async () => {
    const failing = listingStore(true);
    const cached = withCache(countingModel(), withMemoryLayer(failing.store), { enabled: true });
    await cached.complete(request({ seed: 1 }));
    await cached.complete(request({ seed: 2 }));
    expect(failing.reads).toHaveLength(2);

    const { store, reads } = listingStore();
    const layered = withMemoryLayer(store);
    await layered.set('k1', cacheEntry('k1', ['a'], { promptTokens: 1, completionTokens: 1 }));
    await layered.clear();
    expect(await layered.get('k1')).toBeUndefined();
    expect(reads).toEqual([]);
  });
});
