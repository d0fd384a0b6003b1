import { clear, createStore, get, keys, setMany, type UseStore } from 'idb-keyval';
import type { CachedCompletion, CacheStore } from '../../engine/index';

/**
 * The browser's persistent response cache, in IndexedDB (database `got-studio-cache`). Failures
 * (quota, private mode) reject, and withCache turns them into one notice and carries on.
 * Answers that arrive together (a wave of calls) are written in one transaction, a task later:
 * one commit instead of one per answer while the run is busy reading the next ones.
 */
export function idbCacheStore(dbName = 'got-studio-cache', storeName = 'responses'): CacheStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(dbName, storeName));
  let queued: Array<[string, CachedCompletion]> = [];
  let batch: Promise<void> | null = null;
  const write = (key: string, value: CachedCompletion): Promise<void> => {
    queued.push([key, value]);
    batch ??= new Promise<void>((start) => setTimeout(start, 0)).then(() => {
      const entries = queued;
      queued = [];
      batch = null;
      // Cleared meanwhile: no transaction for nothing.
      return entries.length > 0 ? setMany(entries, db()) : undefined;
    });
    return batch;
  };
  return {
    // Unchecked: withCache checks each entry and replaces a bad one with a fresh answer.
    get: (key) => get(key, db()),
    set: write,
    // Answers queued before the clear are dropped with it (a batch already writing commits before it).
    clear: () => {
      queued = [];
      return clear(db());
    },
    size: async () => (await keys(db())).length,
    keys: async () => (await keys(db())).filter((key): key is string => typeof key === 'string'),
  };
}
