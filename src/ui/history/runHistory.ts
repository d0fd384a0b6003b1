import { createStore, del, get, set, type UseStore } from 'idb-keyval';
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

/** The few IndexedDB calls the history needs (idb-keyval in the app, a Map in tests). */
export interface KeyValue {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
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
  return { get: (key) => get(key, db()), set: (key, value) => set(key, value, db()), del: (key) => del(key, db()) };
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
      await kv.set(`events:${id}`, withoutUrlCredentials(compactLog(events)));
      const list = [record, ...(await index())];
      for (const old of list.slice(HISTORY_LIMIT)) await kv.del(`events:${old.id}`);
      await kv.set(INDEX_KEY, list.slice(0, HISTORY_LIMIT));
      return record;
    },
    async load(id) {
      return (await kv.get<RunEvent[]>(`events:${id}`)) ?? null;
    },
    async remove(id) {
      await kv.del(`events:${id}`);
      await kv.set(
        INDEX_KEY,
        (await index()).filter((r) => r.id !== id),
      );
    },
  };
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
export function memoryKeyValue(): KeyValue {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => structuredClone(m.get(k)) as T | undefined,
    set: async (k, v) => void m.set(k, structuredClone(v)),
    del: async (k) => void m.delete(k),
  };
}
