import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedRun } from '../engine/index';
import { EXAMPLES_DIR, ROOT, cli, readJson, scratch } from './test/harness';

const SIM = ['--latency-ms', '0', '--token-ms', '0', '--quiet', '--no-cache'];
const io32 = join(EXAMPLES_DIR, 'sorting-032-io.got.json');
const got32 = join(EXAMPLES_DIR, 'sorting-032-got.got.json');

async function runTo(args: readonly string[]): Promise<ExportedRun> {
  const cwd = scratch();
  const result = await cli([...args, '--out', 'run.json'], { cwd });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return readJson<ExportedRun>(join(cwd, 'run.json'));
}

const answers = (run: ExportedRun): string[] => run.samples.flatMap((s) => s.calls.flatMap((c) => c.texts));

describe('run options', () => {
  it('--input runs the graph on the given state instead of its own input', async () => {
    const run = await runTo(['run', io32, '--input', '{"original": [3, 1, 2], "current": [3, 1, 2]}', ...SIM]);
    expect(run.samples.map((s) => [s.sampleIndex, s.input])).toEqual([[null, { original: [3, 1, 2], current: [3, 1, 2] }]]);
    expect(run.samples[0]!.calls[0]!.messages.at(-1)!.content).toContain('[3, 1, 2]');
  });

  it('--dataset FILE --samples picks those rows of a dataset, read by the graph’s loader', async () => {
    const cwd = scratch();
    copyFileSync(join(ROOT, 'public/datasets/got/sorting_032.csv'), join(cwd, 'mine.csv'));
    const result = await cli(['run', io32, '--dataset', 'mine.csv', '--samples', '5,1', ...SIM, '--out', 'run.json'], { cwd });
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(run.samples.map((s) => s.sampleIndex)).toEqual([5, 1]);
    expect((run.samples[1]!.input['original'] as number[]).slice(0, 5)).toEqual([5, 6, 2, 3, 1]);
  });

  it('--seed makes the simulated answers reproducible, and another seed changes them', async () => {
    const args = ['run', got32, '--samples', '0-1', ...SIM];
    const first = answers(await runTo([...args, '--seed', '7']));
    expect(answers(await runTo([...args, '--seed', '7']))).toEqual(first);
    expect(answers(await runTo([...args, '--seed', '8']))).not.toEqual(first);
  }, 30_000);

  it('--concurrency 1 makes one call at a time; 0 lifts the limit', async () => {
    const overlaps = (run: ExportedRun): number => {
      const calls = run.samples[0]!.calls.map((c) => [c.startedAt, c.finishedAt ?? Infinity] as const);
      return calls.filter(([s], i) => calls.some(([s2, e2], j) => j !== i && s2 <= s && s < e2)).length;
    };
    const slow = ['run', got32, '--latency-ms', '30', '--token-ms', '0', '--quiet', '--no-cache'];
    const serial = await runTo([...slow, '--concurrency', '1']);
    expect(serial.settings.concurrency).toBe(1);
    expect(overlaps(serial)).toBe(0);
    const free = await runTo([...slow, '--concurrency', '0']);
    expect(free.settings.concurrency).toBeNull();
    expect(overlaps(free)).toBeGreaterThan(0);
  }, 30_000);
});
