import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedRun } from '../engine/index';
import { cli, exampleGraphs, readJson, scratch } from './test/harness';

const FAST = ['--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet'];

/** Requests / completions per sample for the sorting examples (got-semantics.md, cache off). */
const SORTING_COUNTS: Record<string, Record<number, [number, number]>> = {
  IO: { 32: [1, 1], 64: [1, 1], 128: [1, 1] },
  CoT: { 32: [1, 1], 64: [1, 1], 128: [1, 1] },
  ToT: { 32: [2, 40], 64: [4, 80], 128: [4, 80] },
  ToT2: { 32: [3, 30], 64: [7, 70], 128: [10, 100] },
  GoT: { 32: [5, 31], 64: [11, 71], 128: [23, 151] },
};

const examples = exampleGraphs();
const sorting = examples.filter((e) => e.document.task === 'sorting');

describe('example graphs on the simulator', () => {
  it('ships example graphs for all four tasks', () => {
    const tasks = new Set(examples.map((e) => e.document.task));
    expect([...tasks].sort()).toEqual(['docMerge', 'keywordCounting', 'setIntersection', 'sorting']);
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s runs to completion on its default input', async (_name, example) => {
    const cwd = scratch();
    const result = await cli(['run', example.file, ...FAST, '--out', 'run.json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(run.samples).toHaveLength(1);
    expect(run.samples[0]!.status).toBe('completed');
    expect(run.samples[0]!.requests).toBeGreaterThan(0);
  }, 60_000);

  it.each(sorting.map((e) => [e.name, e] as const))('%s makes the requests and completions of the spec table on each sample, cache off', async (_name, example) => {
    const scheme = example.document.scheme ?? '';
    const size = (example.document.input['original'] as unknown[]).length;
    const expected = SORTING_COUNTS[scheme]?.[size];
    expect(expected, `no expected counts for ${scheme} on ${size} digits`).toBeDefined();
    const cwd = scratch();
    const result = await cli(['run', example.file, '--samples', '0-1', ...FAST, '--out', 'run.json'], { cwd });
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(run.samples.map((s) => [s.requests, s.completions])).toEqual([expected, expected]);
  }, 60_000);
});
