import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { parseRecording, type ExportedRun } from '../../engine/index';
import { cli, EXAMPLES_DIR, readJson, scratch } from '../test/harness';

/** Fields that say when or where a report was written, not what the run did (see src/engine/recording/FORMAT.md). */
const withoutWallClock = (r: ExportedRun) => ({ ...r, createdAt: undefined, graph: { ...r.graph, source: undefined } });

describe('got-studio replay', () => {
  afterEach(() => vi.restoreAllMocks());

  test('a run recorded with --record replays with no model and no network into the same report', async () => {
    const cwd = scratch();
    const graph = join(EXAMPLES_DIR, 'sorting-032-got.got.json');
    const run = await cli(['run', graph, '--samples', '0-1', '--no-cache', '--record', 'run.gotrec.json', '--out', 'run.json', '--quiet'], { cwd });
    expect(run.code).toBe(0);
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('the network is blocked in this test'));
    const replay = await cli(['replay', 'run.gotrec.json', '--out', 'replay.json', '--quiet', '--verify'], { cwd, env: {} });
    expect(replay.code).toBe(0);
    expect(fetchSpy).not.toHaveBeenCalled();
    const original = readJson<ExportedRun>(join(cwd, 'run.json'));
    const replayed = readJson<ExportedRun>(join(cwd, 'replay.json'));
    expect(replayed.samples).toHaveLength(2);
    expect(withoutWallClock(replayed)).toEqual(withoutWallClock(original));
    expect(replay.stdout).toContain('(replayed)');
    expect(replay.stdout).toMatch(/^verified #0: [^\n]*\nverified #1: /m);
    const table = (out: string) => out.split('\n').slice(1).filter((l) => !l.startsWith('verified'));
    expect(table(replay.stdout)).toEqual(table(run.stdout));
  });

  test('the recording holds every answer and no key', async () => {
    const cwd = scratch();
    const graph = join(EXAMPLES_DIR, 'sorting-032-io.got.json');
    const run = await cli(['run', graph, '--record', 'r.gotrec.json', '--quiet'], { cwd, env: { OPENAI_API_KEY: 'sk-never-in-a-recording' } });
    expect(run.code).toBe(0);
    const text = readFileSync(join(cwd, 'r.gotrec.json'), 'utf8');
    expect(text).not.toContain('sk-never');
    const parsed = parseRecording(text);
    expect(parsed.ok).toBe(true);
    const events = parsed.ok ? parsed.recording.samples[0]!.events : [];
    expect(events.filter((e) => e.type === 'call.done')).toHaveLength(events.filter((e) => e.type === 'call.start').length);
  });

  test('replaying at a speed waits the recorded time divided by it', async () => {
    const cwd = scratch();
    const graph = join(EXAMPLES_DIR, 'sorting-032-io.got.json');
    await cli(['run', graph, '--record', 'r.gotrec.json', '--latency-ms', '300', '--quiet'], { cwd });
    const started = performance.now();
    expect((await cli(['replay', 'r.gotrec.json', '--speed', '2', '--quiet'], { cwd })).code).toBe(0);
    const half = performance.now() - started;
    expect(half).toBeGreaterThanOrEqual(140);
    expect(half).toBeLessThan(2000);
  });

  test('a file that is not a recording is refused with where the problem is (exit 3), a missing one with exit 2', async () => {
    const cwd = scratch();
    const bad = await cli(['replay', join(EXAMPLES_DIR, 'sorting-032-io.got.json')], { cwd });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/not a GoT Studio recording/);
    expect((await cli(['replay', 'nope.gotrec.json'], { cwd })).code).toBe(2);
    expect((await cli(['replay', 'nope.gotrec.json', '--speed', 'fast'], { cwd })).code).toBe(1);
  });
});

describe('the gallery recordings', () => {
  const dir = join(EXAMPLES_DIR, '..', 'recordings');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Array<{ id: string; file: string; task: string; thoughts: number; requests: number }>;

  test('there is one for each of the paper\'s four tasks', () => {
    expect(index.map((e) => e.task).sort()).toEqual(['docMerge', 'keywordCounting', 'setIntersection', 'sorting'].sort());
  });

  test.each(index.map((e) => [e.id, e] as const))('%s opens, replays to the completed run its index describes, and the engine re-runs it to the same thoughts', async (_id, entry) => {
    const out = await cli(['replay', join(dir, entry.file), '--out', 'r.json', '--quiet', '--verify'], { cwd: scratch() });
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^verified input: /m);
    expect(out.stdout).toMatch(/completed/);
    expect(out.stdout).toContain(` ${entry.requests} `);
  });
});
