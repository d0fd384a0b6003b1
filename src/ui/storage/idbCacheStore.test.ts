import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CachedCompletion } from '../../engine/index';

// IndexedDB's calls, as idb-keyval makes them: each setMany is one transaction.
const idb = vi.hoisted(() => ({ setMany: [] as Array<Array<[string, unknown]>>, cleared: 0 }));
vi.mock('idb-keyval', () => ({
  createStore: () => 'store',
  get: async () => undefined,
  keys: async () => ['a', 7, 'b'],
  clear: async () => void (idb.cleared += 1),
  setMany: async (entries: Array<[string, unknown]>) => void idb.setMany.push(entries),
}));

const { idbCacheStore } = await import('./idbCacheStore');
const entry = (text: string) => ({ texts: [text], usage: { promptTokens: 1, completionTokens: 1 }, savedAt: 1 }) as CachedCompletion;

describe('the browser response cache', () => {
  beforeEach(() => {
    idb.setMany.length = 0;
    idb.cleared = 0;
  });

  it('writes the answers that arrive together in one transaction, a task later', async () => {
    const store = idbCacheStore();
    const writes = [store.set('a', entry('1')), store.set('b', entry('2')), store.set('c', entry('3'))];
    expect(idb.setMany).toHaveLength(0);
    await Promise.all(writes);
    expect(idb.setMany.map((batch) => batch.map(([key]) => key))).toEqual([['a', 'b', 'c']]);
    await store.set('d', entry('4'));
    expect(idb.setMany).toHaveLength(2);
  });

  it('drops answers still queued when cleared, and lists only string keys', async () => {
    const store = idbCacheStore();
    const write = store.set('a', entry('1'));
    await store.clear();
    await write;
    expect(idb.cleared).toBe(1);
    expect(idb.setMany.flat()).toEqual([]);
    // Not even an empty transaction.
    expect(idb.setMany).toHaveLength(0);
    expect(await store.keys?.()).toEqual(['a', 'b']);
  });
});
