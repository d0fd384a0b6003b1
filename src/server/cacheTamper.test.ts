import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, builtinFunctions, runGraph, simulatorModel, withCache, withMemoryLayer, type GotDocument, type RunResult } from '../engine/index';
import { folderCacheStore } from './folderCacheStore';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((f) => f()));
});

const text = { kind: 'text', key: 'current' };
const graph: GotDocument = {
  format: DOCUMENT_FORMAT,
  version: DOCUMENT_VERSION,
  title: 'cache',
  description: '',
  input: { current: '[5, 3, 9, 1]' },
  operations: [
    { id: 'g', type: 'generate', label: 'g', inputs: [], params: { samples: 2, prompt: 'Sort the list {{current}}', parser: text } },
    { id: 'i', type: 'improve', label: 'i', inputs: ['g'], params: { prompt: 'Improve the sorted list {{current}}', parser: text } },
  ],
  comments: [],
};

const bare = () => simulatorModel({ latencyMs: 0, tokenMs: 0 });
const run = (dir: string | null): Promise<RunResult> =>
  runGraph(graph, { model: dir ? withCache(bare(), withMemoryLayer(folderCacheStore(dir)), { enabled: true }) : bare(), functions: builtinFunctions(), cache: dir !== null });

/** What a run produced, leaving out how it was obtained (cache hits, time, and so the order calls finished in). */
const produced = (r: RunResult) => ({
  thoughts: Object.values(r.grs.thoughts)
    .map((t) => [t.id, t.state] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
  tokens: [r.summary.promptTokens, r.summary.completionTokens],
  status: r.summary.status,
});

async function filledCache(): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'got-cache-tamper-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await run(dir);
  const files: string[] = [];
  for (const shard of (await readdir(dir)).sort()) for (const f of (await readdir(join(dir, shard))).sort()) files.push(join(dir, shard, f));
  return { dir, files };
}

const keyOf = (file: string) => file.replace(/^.*\//, '').replace(/\.json$/, '');
const notes = (r: RunResult) => r.events.flatMap((e) => (e.type === 'log' ? [e.message] : []));

type Tamper = (files: string[]) => Promise<string>;
const edit = (change: (entry: Record<string, unknown>) => void): Tamper => async (files) => {
  const file = files[0] as string;
  const entry = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  change(entry);
  await writeFile(file, JSON.stringify(entry));
  return file;
};

const tampers: Array<[string, Tamper, RegExp]> = [
  [
    'another request’s entry copied under this key',
    async (files) => {
      await cp(files[1] as string, files[0] as string);
      return files[0] as string;
    },
    /answers another request/,
  ],
  ['answers altered in place', edit((e) => (e.texts = (e.texts as string[]).map(() => '[1, 2, 3]'))), /changed after it was written/],
  ['negative usage', edit((e) => (e.usage = { promptTokens: -10_000_000_000, completionTokens: -50 })), /not a cache entry \(usage\.promptTokens/],
  ['the wrong shape', edit((e) => (e.texts = 'not a list')), /not a cache entry \(texts/],
  [
    'truncated JSON',
    async (files) => {
      const file = files[0] as string;
      const whole = await readFile(file, 'utf8');
      await writeFile(file, whole.slice(0, Math.floor(whole.length / 2)));
      return file;
    },
    /not valid JSON/,
  ],
];

describe('a cache entry is checked before it is used', () => {
  for (const [what, tamper, reason] of tampers) {
    test(`an entry with ${what} is a miss with a note naming it, and the run equals an uncached one`, async () => {
      const uncached = await run(null);
      const { dir, files } = await filledCache();
      expect(files.length).toBeGreaterThanOrEqual(2);
      const tampered = await tamper(files);
      const r = await run(dir);
      expect(produced(r)).toEqual(produced(uncached));
      expect(r.summary.cacheHits).toBe(files.length - 1);
      const said = notes(r).filter((m) => m.includes(keyOf(tampered).slice(0, 12)));
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(reason);
      // The bad entry was replaced by a sound one: the next run uses it silently.
      const next = await run(dir);
      expect(next.summary.cacheHits).toBe(files.length);
      expect(notes(next).filter((m) => /cached answer/.test(m))).toEqual([]);
    });
  }
});
