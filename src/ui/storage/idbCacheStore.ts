import { clear, createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { CacheStore, CachedCompletion } from '../../engine/index';

function isCompletion(value: unknown): value is CachedCompletion {
  const v = value as CachedCompletion | null | undefined;
  return !!v && Array.isArray(v.texts) && typeof v.usage?.promptTokens === 'number' && typeof v.usage?.completionTokens === 'number';
}

/**
 * The browser's persistent response cache, in IndexedDB (database `got-studio-cache`). Failures
 * (quota, private mode) reject, and withCache turns them into one notice and carries on.
 */
export function idbCacheStore(dbName = 'got-studio-cache', storeName = 'responses'): CacheStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(dbName, storeName));
  return {
    async get(key) {
      const value: unknown = await get(key, db());
      if (value === undefined) return undefined;
      if (isCompletion(value)) return value;
      await del(key, db());
      return undefined;
    },
    set: (key, value) => set(key, value, db()),
    clear: () => clear(db()),
    size: async () => (await keys(db())).length,
  };
}
