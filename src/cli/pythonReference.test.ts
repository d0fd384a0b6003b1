import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReferenceOutput, rebuildGrs, simulatorModel, type ExportedRun, type LanguageModel } from '../engine/index';
import { startModelServer, type ModelServer } from '../server/modelServer';
import { SIMULATOR_MODEL_NAMES } from '../server/simulatorSource';
import { EXIT } from './errors';
import { cli, EXAMPLES_DIR, readJson, ROOT, scratch } from './test/harness';

/**
 * End to end with the reference framework: export a graph to Python, run the script with the
 * framework against the simulator server, and check the server saw the same requests and
 * completions as GoT Studio's own run of the graph (cache off). Needs python3; the venv with the
 * framework's dependencies is made once under .cache/venv-ref.
 */
// Next to the main checkout (../shared), or two levels up from a worktree; GOT_REFERENCE_DIR overrides.
const REFERENCE =
  [process.env.GOT_REFERENCE_DIR, resolve(ROOT, '../shared/reference/graph-of-thoughts'), resolve(ROOT, '../../shared/reference/graph-of-thoughts')].find(
    (dir): dir is string => dir !== undefined && existsSync(join(dir, 'graph_of_thoughts')),
  ) ?? resolve(ROOT, '../shared/reference/graph-of-thoughts');
const VENV = resolve(ROOT, '.cache/venv-ref');
const PYTHON = join(VENV, 'bin/python');
const hasPython = spawnSync('python3', ['--version']).status === 0 && existsSync(join(REFERENCE, 'graph_of_thoughts'));
if (!hasPython) console.warn(`Skipping the reference-framework test: ${existsSync(REFERENCE) ? 'python3 is not available' : `the framework is not at ${REFERENCE}`}.`);

/** The venv with openai and backoff, made once; null (with why) when pip cannot install them. */
function ensureVenv(): string | null {
  const ready = () => spawnSync(PYTHON, ['-c', 'import openai, backoff'], { encoding: 'utf8' }).status === 0;
  if (existsSync(PYTHON) && ready()) return null;
  const made = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
  if (made.status !== 0) return `python3 -m venv failed: ${made.stderr.slice(0, 300)}`;
  const pip = spawnSync(join(VENV, 'bin/pip'), ['install', '-q', 'openai==2.54.0', 'backoff>=2.2.1,<3'], { encoding: 'utf8', timeout: 240_000 });
  return pip.status === 0 && ready() ? null : `pip install openai==2.54.0 backoff failed: ${(pip.stderr ?? '').slice(-300)}`;
}

/** Runs a script with the framework on PYTHONPATH against the server; resolves with its exit code and output. */
function runPython(script: string, output: string, baseUrl: string): Promise<{ code: number | null; text: string }> {
  return new Promise((done) => {
    const child = spawn(PYTHON, [script, output], {
      env: { PATH: process.env.PATH ?? '', PYTHONPATH: `${REFERENCE}:${join(REFERENCE, 'stubs')}`, OPENAI_API_KEY: 'sk-local-test', OPENAI_BASE_URL: baseUrl, GOT_MODEL_ID: 'got-simulator' },
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('close', (code) => done({ code, text }));
  });
}

describe.skipIf(!hasPython)('export-python with the reference framework', () => {
  const seen = { requests: 0, completions: 0 };
  /** Every prompt the server answered, n times over: both runs must ask the same things, not merely as often. */
  let prompts: string[] = [];
  let server: ModelServer;
  let venvProblem: string | null = null;

  beforeAll(async () => {
    venvProblem = ensureVenv();
    if (venvProblem) console.warn(`Skipping the reference-framework runs: ${venvProblem}`);
    // The exported script sends no seed and GoT Studio sends one per call: a server that answers from
    // the messages and the completion index alone (npm run simulator -- --ignore-request-seed) gives both the same answers to the same prompts.
    const sim = simulatorModel({ latencyMs: 0, tokenMs: 0, ignoreRequestSeed: true });
    const counting: LanguageModel = {
      id: sim.id,
      complete: (request) => {
        seen.requests += 1;
        seen.completions += request.n;
        prompts.push(...Array.from({ length: request.n }, () => JSON.stringify(request.messages)));
        return sim.complete(request);
      },
    };
    server = await startModelServer({ model: counting, models: [...SIMULATOR_MODEL_NAMES], port: 0 });
  }, 300_000);
  afterAll(() => server?.close());

  const examples = ['sorting-032-got', 'set-intersection-032-got', 'sorting-032-io', 'set-intersection-032-tot', 'doc-merge-io', 'doc-merge-got'];
  const keywordCounting = ['keyword-counting-io', 'keyword-counting-cot', 'keyword-counting-tot', 'keyword-counting-tot2', 'keyword-counting-got4', 'keyword-counting-got8'];
  for (const name of [...examples, ...keywordCounting]) {
    it(`runs the exported ${name} with as many requests and completions as GoT Studio, and imports its output`, async (ctx) => {
      if (venvProblem) return ctx.skip();
      const cwd = scratch();
      const graph = join(EXAMPLES_DIR, `${name}.got.json`);
      expect((await cli(['export-python', graph, '-o', 'graph.py'], { cwd })).code).toBe(EXIT.ok);

      seen.requests = 0;
      seen.completions = 0;
      prompts = [];
      const studio = await cli(['run', graph, '--no-cache', '--quiet', '--base-url', server.url, '--model', 'got-simulator', '--out', 'studio.json'], { cwd, env: { OPENAI_API_KEY: 'sk-local-test' } });
      expect(studio.code, studio.stderr).toBe(EXIT.ok);
      const ours = { ...seen };
      const ourPrompts = prompts.sort();
      const report = readJson<ExportedRun>(join(cwd, 'studio.json')).samples[0]!;
      expect(ours).toEqual({ requests: report.requests, completions: report.completions });

      seen.requests = 0;
      seen.completions = 0;
      prompts = [];
      const py = await runPython(join(cwd, 'graph.py'), join(cwd, 'reference.json'), server.url);
      expect(py.code, py.text).toBe(0);
      expect(seen).toEqual(ours);
      expect(prompts.sort()).toEqual(ourPrompts);

      const imported = parseReferenceOutput(readFileSync(join(cwd, 'reference.json'), 'utf8'));
      if (!imported.ok) throw new Error(imported.errors.join('\n'));
      expect(imported.value.document.operations).toHaveLength(report.operations.length - 1);
      const grs = rebuildGrs(imported.value.events);
      expect(Object.values(grs.thoughts).every((t) => t.parents.length === 0)).toBe(true);
    }, 120_000);
  }
});
