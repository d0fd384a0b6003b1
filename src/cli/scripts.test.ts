import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedOperation, ExportedRun, GotDocument } from '../engine/index';
import { EXIT } from './errors';
import { EXAMPLES_DIR, cli, readJson, scratch } from './test/harness';

const FAST = ['--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet'];

/** The sorting-32 IO example with its Score and GroundTruth replaced by user JavaScript. */
function withScripts(score: string, evaluator: string, timeoutMs: number): GotDocument {
  const doc = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'sorting-032-io.got.json'), 'utf8')) as GotDocument;
  for (const op of doc.operations) {
    if (op.type === 'score') op.params = { ...op.params, scorer: { kind: 'js', code: score, timeoutMs } };
    if (op.type === 'groundTruth') op.params = { ...op.params, evaluator: { kind: 'js', code: evaluator, timeoutMs } };
  }
  return doc;
}

describe('JavaScript functions in graphs', () => {
  it('runs a JavaScript scorer and evaluator in a worker thread', async () => {
    const cwd = scratch();
    // A generous limit: this checks the answers, and a loaded machine can be slow to run a worker.
    const doc = withScripts('return state.current.length;', 'return state.current.length === state.original.length;', 10_000);
    writeFileSync(join(cwd, 'js.got.json'), JSON.stringify(doc));
    const result = await cli(['run', 'js.got.json', ...FAST, '--out', 'run.json'], { cwd });
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    const score = run.samples[0]!.operations.find((o) => (o as ExportedOperation).operation === 'score') as ExportedOperation;
    const answer = (score.thoughts[0]!['current'] as unknown[]).length;
    expect(score.scores).toEqual([answer]);
    expect(run.samples[0]!.score).toBe(answer);
  });

  it('fails the run with a clear message when a scorer never returns', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'loop.got.json'), JSON.stringify(withScripts('while (true) {}', 'return true;', 500)));
    const result = await cli(['run', 'loop.got.json', ...FAST, '--out', 'run.json'], { cwd });
    expect(result.code).toBe(EXIT.runFailed);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(JSON.stringify(run.samples[0]!.operations)).toMatch(/did not finish within 500 ms/);
  });
});
