import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('runs a hostile scorer sandboxed: the key, files and processes stay out of reach and the thought fails', async () => {
    const cwd = scratch();
    const secret = 'sk-cli-sandbox-secret';
    const previous = process.env.OPENAI_API_KEY;
    process.env.OPENAI_API_KEY = secret;
    const target = join(cwd, 'pwned.txt');
    const hostile = [
      `const fs = process.getBuiltinModule('fs'); fs.writeFileSync(${JSON.stringify(target)}, process.env.OPENAI_API_KEY);`,
      `require('child_process').execSync('touch ${target}');`,
      'return process.env.OPENAI_API_KEY.length;',
    ].join('\n');
    try {
      writeFileSync(join(cwd, 'hostile.got.json'), JSON.stringify(withScripts(hostile, 'return true;', 5000)));
      const result = await cli(['run', 'hostile.got.json', ...FAST, '--out', 'run.json'], { cwd, env: { OPENAI_API_KEY: secret } });
      expect(result.code).toBe(EXIT.runFailed);
      expect(existsSync(target)).toBe(false);
      const report = readFileSync(join(cwd, 'run.json'), 'utf8');
      expect(report).toMatch(/'process' is not defined/);
      expect(report + result.stdout + result.stderr).not.toContain(secret);
    } finally {
      if (previous === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = previous;
    }
  });

  it('says in one line how many JavaScript functions a graph has and that they run sandboxed', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'js.got.json'), JSON.stringify(withScripts('return 1;', 'return true;', 1000)));
    const validated = await cli(['validate', 'js.got.json'], { cwd });
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/contains 2 JavaScript functions; they run sandboxed/);
    const ran = await cli(['run', 'js.got.json', '--no-cache', '--latency-ms', '0', '--token-ms', '0'], { cwd });
    expect(ran.stderr.match(/contains 2 JavaScript functions; they run sandboxed/g)).toHaveLength(1);
    const plain = await cli(['validate', join(EXAMPLES_DIR, 'sorting-032-io.got.json')], { cwd });
    expect(plain.stdout).not.toMatch(/JavaScript/);
  });
});
