import { clear, createStore, get, keys, set, type UseStore } from 'idb-keyval';
import type { CacheStore } from '../../engine/index';

/**
 * The browser's persistent response cache, in IndexedDB (database `got-studio-cache`). Failures
 * (quota, private mode) reject, and withCache turns them into one notice and carries on.
 */
export function idbCacheStore(dbName = 'got-studio-cache', storeName = 'responses'): CacheStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(dbName, storeName));
  return {
    // Unchecked: withCache checks each entry and replaces a bad one with a fresh answer.
    get: (key) => get(key, db()),
    set: (key, value) => set(key, value, db()),
    clear: () => clear(db()),
    size: async () => (await keys(db())).length,
    keys: async () => (await keys(db())).filter((key): key is string => typeof key === 'string'),
  };
}
