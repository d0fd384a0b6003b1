import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { GotDocument } from '../../engine/index';
import { checkKeptSample, keptResultKey, type KeptChoice, type KeptSample } from './keptKey';

/** Where kept results live: IndexedDB in the app, a Map in tests. */
export interface KeptStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: KeptSample): Promise<void>;
}

/** Finished runs of the comparisons, for one model and seed: looked up before running a row, stored after. */
export interface KeptResults {
  get(document: GotDocument, sample: number): Promise<KeptSample | null>;
  put(document: GotDocument, sample: number, value: KeptSample): void;
}

/** Kept results in this browser's IndexedDB (database `got-studio-kept`); a refusing store (private mode, quota) only loses them. */
export function idbKeptStore(dbName = 'got-studio-kept', storeName = 'samples'): KeptStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(dbName, storeName));
  return { get: (key) => get(key, db()), set: (key, value) => set(key, value, db()) };
}

export function memoryKeptStore(): KeptStore {
  const map = new Map<string, unknown>();
  return { get: async (key) => map.get(key), set: async (key, value) => void map.set(key, value) };
}

// Results read or written this session answer at once, even when IndexedDB is refused.
const session = new Map<string, KeptSample>();

/** Kept results for one model (its identity and prices, never a key) and seed. */
export function keptResults(model: KeptChoice['model'], seed: number, store: KeptStore = idbKeptStore(), memory: Map<string, KeptSample> = session): KeptResults {
  const keyOf = (document: GotDocument, sample: number) => keptResultKey({ document, sample, model, seed });
  return {
    async get(document, sample) {
      const key = keyOf(document, sample);
      const hit = memory.get(key);
      if (hit) return hit;
      const stored = await store.get(key).catch(() => undefined);
      const checked = stored === undefined ? null : checkKeptSample(stored, sample);
      if (checked) memory.set(key, checked);
      return checked;
    },
    put(document, sample, value) {
      if (value.outcome.status !== 'completed') return;
      const key = keyOf(document, sample);
      memory.set(key, value);
      void store.set(key, value).catch(() => undefined);
    },
  };
}
