import { createStore, get, promisifyRequest, type UseStore } from 'idb-keyval';
import type { RunEvent, RunStatus } from '../../engine/index';
import { redactUrl } from '../../engine/index';

/** What the history list shows of a stored run; its events are stored apart and loaded on reopen. */
export interface RunRecord {
  id: string;
  title: string;
  /** Epoch ms when it was stored. */
  savedAt: number;
  status: RunStatus | 'incomplete';
  model: string;
  sampleIndex: number | null;
  thoughts: number;
  cost: number;
  bestScore: number | null;
  solved: boolean | null;
  wallMs: number;
  events: number;
  /** The run's own id (records stored before it was kept lack it). */
  runId?: string;
  /** For a fork: the run id of the run it forked. */
  forkOf?: string;
}

/** What one `change` of the store does besides replacing its key's value. */
export interface Change<T> {
  value: T;
  put?: Array<[string, unknown]>;
  del?: string[];
}

/** The few IndexedDB calls the history needs (idb-keyval in the app, a Map in tests). */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Replaces `key`'s value with what `change` makes of the old one, and writes and deletes the other
   * keys it names, in one transaction: a reload or a full disk mid-way leaves all or none of it.
   */
  change<T>(key: string, change: (old: T | undefined) => Change<T>): Promise<void>;
}

export interface RunHistory {
  list(): Promise<RunRecord[]>;
  save(events: readonly RunEvent[], title: string): Promise<RunRecord>;
  load(id: string): Promise<RunEvent[] | null>;
  remove(id: string): Promise<void>;
}

const INDEX_KEY = 'index';
/** Oldest runs are dropped past this many, so the history never fills the disk. */
export const HISTORY_LIMIT = 50;

/** The runs kept in this browser's IndexedDB (database `got-studio-runs`). */
export function idbKeyValue(dbName = 'got-studio-runs', storeName = 'runs'): KeyValue {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore(dbName, storeName));
  return {
    get: (key) => get(key, db()),
    change: <T>(key: string, change: (old: T | undefined) => Change<T>) =>
      db()('readwrite', (store) => {
        const read = store.get(key) as IDBRequest<T | undefined>;
        // A refused write (quota, a value that cannot be stored) aborts the transaction, and with it every write.
        let refused: unknown = null;
        read.onsuccess = () => {
          try {
            const c = change(read.result);
            store.put(c.value, key);
            for (const [k, v] of c.put ?? []) store.put(v, k);
            for (const k of c.del ?? []) store.delete(k);
          } catch (err) {
            refused = err;
            store.transaction.abort();
          }
        };
        return promisifyRequest(store.transaction).catch((err: unknown) => {
          throw refused ?? err;
        });
      }),
  };
}

/** A summary record of a run from its event log (works for partial logs too). */
export function recordOf(id: string, events: readonly RunEvent[], title: string, savedAt: number): RunRecord {
  const start = events.find((e) => e.type === 'run.start');
  const done = events.find((e) => e.type === 'run.done');
  const summary = done?.type === 'run.done' ? done.summary : null;
  const settings = start?.type === 'run.start' ? start.settings : null;
  return {
    id,
    title,
    savedAt,
    status: summary?.status ?? 'incomplete',
    model: settings ? settings.model.model : 'unknown',
    sampleIndex: settings?.sampleIndex ?? null,
    thoughts: events.filter((e) => e.type === 'thought.created' || e.type === 'thought.input').length,
    cost: summary?.cost ?? 0,
    bestScore: summary?.bestScore ?? null,
    solved: summary?.solved ?? null,
    wallMs: summary?.wallMs ?? 0,
    events: events.length,
    ...(start?.type === 'run.start' ? { runId: start.runId } : {}),
    ...(settings?.fork ? { forkOf: settings.fork.fromRunId } : {}),
  };
}

/** The stored event log of the run with this run id, if the history still holds it. */
export async function findRunEvents(history: RunHistory, runId: string): Promise<RunEvent[] | null> {
  for (const r of await history.list()) {
    if (r.runId !== undefined && r.runId !== runId) continue;
    const events = await history.load(r.id);
    const start = events?.find((e) => e.type === 'run.start');
    if (start?.type === 'run.start' && start.runId === runId) return events;
  }
  return null;
}

/** Run history across reloads: an index of records plus each run's event log (its GRS is rebuilt from it). */
export function createRunHistory(kv: KeyValue = idbKeyValue(), now: () => number = () => Date.now()): RunHistory {
  const index = async () => (await kv.get<RunRecord[]>(INDEX_KEY)) ?? [];
  let seq = 0;
  return {
    list: index,
    async save(events, title) {
      seq += 1;
      const savedAt = now();
      const id = `run-${savedAt.toString(36)}-${seq}`;
      const record = recordOf(id, events, title, savedAt);
      // Events hold the graph, prompts and answers, never a key; a base URL's user:password is removed too.
      const stored = withoutUrlCredentials(compactLog(events));
      // The record and its events land together: a reload right after a run never leaves one without the other.
      try {
        await kv.change<RunRecord[]>(INDEX_KEY, (old) => {
          const list = [record, ...(old ?? [])];
          return { value: list.slice(0, HISTORY_LIMIT), put: [[`events:${id}`, stored]], del: list.slice(HISTORY_LIMIT).map((r) => `events:${r.id}`) };
        });
      } catch (err) {
        throw new Error(unkeptMessage(err), { cause: err });
      }
      return record;
    },
    async load(id) {
      return (await kv.get<RunEvent[]>(`events:${id}`)) ?? null;
    },
    async remove(id) {
      await kv.change<RunRecord[]>(INDEX_KEY, (old) => ({ value: (old ?? []).filter((r) => r.id !== id), del: [`events:${id}`] }));
    },
  };
}

/** Why a run did not reach the history, and what the user can still do about it. */
export function unkeptMessage(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  const why = name === 'QuotaExceededError' ? 'the browser storage is full' : err instanceof Error ? err.message : String(err);
  return `This run could not be kept in the history (${why}). It is still on screen: export it as JSON to keep it.`;
}

/**
 * The log without the streamed tokens of calls that finished: `call.done` carries their full texts,
 * so the GRS rebuilds the same while the stored log shrinks several times over.
 */
export function compactLog(events: readonly RunEvent[]): RunEvent[] {
  const finished = new Set(events.flatMap((e) => (e.type === 'call.done' ? [e.callId as string] : [])));
  return events.filter((e) => e.type !== 'call.token' || !finished.has(e.callId));
}

/** The events with any credentials in the recorded base URL removed. */
export function withoutUrlCredentials(events: readonly RunEvent[]): RunEvent[] {
  return events.map((e) =>
    e.type === 'run.start'
      ? { ...e, settings: { ...e.settings, model: { ...e.settings.model, baseUrl: redactUrl(e.settings.model.baseUrl) } } }
      : e,
  );
}

/** A Map-backed KeyValue (tests, and browsers without IndexedDB). */
export function memoryKeyValue(m = new Map<string, unknown>()): KeyValue {
  return {
    get: async <T>(k: string) => structuredClone(m.get(k)) as T | undefined,
    change: async <T>(key: string, change: (old: T | undefined) => Change<T>) => {
      const c = change(structuredClone(m.get(key)) as T | undefined);
      // Every value is cloned before any is stored, so a value that cannot be stored leaves the map as it was.
      const puts = [[key, c.value] as [string, unknown], ...(c.put ?? [])].map(([k, v]) => [k, structuredClone(v)] as const);
      for (const [k, v] of puts) m.set(k, v);
      for (const k of c.del ?? []) m.delete(k);
    },
  };
}
