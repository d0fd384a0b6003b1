import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulatorModel, type ExportedOperation, type ExportedRun } from '../engine/index';
import { startModelServer, type ModelServer } from '../server/modelServer';
import { EXIT } from './errors';
import { cli, exampleGraphs, readJson, scratch } from './test/harness';

const gotSorting32 = () => exampleGraphs().find((e) => e.document.task === 'sorting' && e.document.scheme === 'GoT' && (e.document.input['original'] as unknown[]).length === 32)!;

const THOUGHT_FIELDS = ['id', 'operation', 'parents', 'state', 'score', 'valid', 'solved', 'pruned', 'volume', 'latency', 'promptTokens', 'completionTokens', 'cost', 'ms'];
const SAMPLE_FIELDS = ['requests', 'completions', 'cacheHits', 'promptTokens', 'completionTokens', 'cost', 'wallMs', 'criticalPathMs', 'criticalPathHops', 'edges', 'thoughts', 'operations'];
const REFERENCE_FIELDS = ['operation', 'thoughts', 'scored', 'scores', 'validated', 'validity', 'compared_to_ground_truth', 'problem_solved'];

describe('run --out', () => {
  it('writes the reference framework\'s per-operation output plus every thought, the GRS edges and per-sample totals', async () => {
    const cwd = scratch();
    const example = gotSorting32();
    const result = await cli(['run', example.file, '--samples', '0-1', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet', '--out', 'out/run.json', '--events'], { cwd });
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'out/run.json'));
    expect(run.samples).toHaveLength(2);
    const sample = run.samples[0]!;
    expect(sample.sampleIndex).toBe(0);
    for (const f of SAMPLE_FIELDS) expect(sample, f).toHaveProperty(f);

    // The reference's list: one object per operation in topological order, then the token totals.
    const ops = sample.operations.slice(0, -1) as ExportedOperation[];
    expect(ops.map((o) => o.id).sort()).toEqual(example.document.operations.map((o) => o.id).sort());
    for (const op of ops) for (const f of REFERENCE_FIELDS) expect(op, `${op.id}.${f}`).toHaveProperty(f);
    const position = new Map(ops.map((o, i) => [o.id, i]));
    for (const op of example.document.operations) for (const input of op.inputs) expect(position.get(input)!).toBeLessThan(position.get(op.id)!);
    expect(sample.operations.at(-1)).toEqual({ prompt_tokens: sample.promptTokens, completion_tokens: sample.completionTokens, cost: sample.cost });

    for (const t of sample.thoughts) for (const f of THOUGHT_FIELDS) expect(t, `${t.id}.${f}`).toHaveProperty(f);
    const ids = new Set(sample.thoughts.map((t) => t.id));
    expect(sample.edges.length).toBeGreaterThan(0);
    for (const e of sample.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(sample.thoughts.reduce((s, t) => s + t.completionTokens, 0)).toBeCloseTo(sample.completionTokens, 0);
    expect(sample.criticalPathHops).toBeGreaterThan(0);
    expect(sample.events?.[0]?.type).toBe('run.start');
    expect(run.settings.model.model).toBeTruthy();
  }, 60_000);

  it('prints a summary table per sample with a totals line', async () => {
    const result = await cli(['run', gotSorting32().file, '--samples', '0-2', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/sample\s+status\s+score\s+solved\s+requests\s+completions\s+tokens\s+cost\s+wall\s+critical path/);
    expect(result.stdout).toMatch(/#0\s+completed/);
    expect(result.stdout).toMatch(/total \(3\)\s+3 completed/);
    expect(result.stdout.split('\n')[0]).toBe('Sorting 32 numbers · GoT on got-simulator');
  }, 60_000);

  it('draws a progress bar on a terminal, redrawn in place and cleared at the end', async () => {
    const result = await cli(['run', gotSorting32().file, '--samples', '0-1', '--no-cache', '--latency-ms', '0', '--token-ms', '0'], { tty: true });
    expect(result.code).toBe(0);
    const frames = result.stderr.split('\r\x1b[2K').filter(Boolean);
    expect(frames.length).toBeGreaterThan(1);
    expect(frames.some((f) => /^[█░]{20} 2\/2 GoT #1 · ops \d+\/\d+ · calls \d+/.test(f))).toBe(true);
    expect(result.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(result.stdout).not.toContain('\r');
  }, 60_000);

  it('reports each finished sample on stderr in words', async () => {
    const result = await cli(['run', gotSorting32().file.replace('-got.', '-io.'), '--samples', '0-1', '--no-cache', '--latency-ms', '0', '--token-ms', '0']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^IO: running 2 samples…\nIO #0 \[1\/2\]: completed, score \d+, 1 request, 1 completion, \d+ ms\n/);
  }, 60_000);
});

describe('response cache', () => {
  it('answers a repeated run from the folder cache and says how many answers came from it', async () => {
    const cwd = scratch();
    const args = ['run', gotSorting32().file, '--latency-ms', '0', '--token-ms', '0', '--quiet', '--out', 'run.json'];
    const first = await cli(args, { cwd });
    expect(first.code).toBe(0);
    expect(readJson<ExportedRun>(join(cwd, 'run.json')).samples[0]!.cacheHits).toBe(0);
    const second = await cli(args, { cwd });
    expect(second.code).toBe(0);
    const again = readJson<ExportedRun>(join(cwd, 'run.json')).samples[0]!;
    expect(again.cacheHits).toBe(5);
    expect(second.stdout).toMatch(/5 answer\(s\) came from the response cache/);
    expect(existsSync(join(cwd, '.got-cache'))).toBe(true);
  }, 30_000);
});

describe('API key', () => {
  const KEY = 'sk-test-NEVER-PRINT-THIS-0123456789';
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ model: simulatorModel({ seed: 0, latencyMs: 0 }), models: ['sim-remote'], requireKey: KEY });
  });
  afterAll(async () => server.close());

  it('is used for an OpenAI-compatible server but never appears in the output, the export or the event log', async () => {
    const cwd = scratch();
    const result = await cli(['run', gotSorting32().file, '--base-url', server.url, '--model', 'sim-remote', '--no-cache', '--out', 'run.json', '--events'], { cwd, env: { OPENAI_API_KEY: KEY } });
    expect(result.code).toBe(0);
    const file = readFileSync(join(cwd, 'run.json'), 'utf8');
    expect(file).toContain('sim-remote');
    for (const text of [result.stdout, result.stderr, file]) expect(text).not.toContain(KEY);
  }, 60_000);

  it('costs a model from a --prices table laid over the built-in one, and says when a model has no price', async () => {
    const cwd = scratch();
    const run = (extra: string[]) => cli(['run', gotSorting32().file, '--base-url', server.url, '--model', 'sim-remote', '--no-cache', '--out', 'run.json', ...extra], { cwd, env: { OPENAI_API_KEY: KEY } });
    const unpriced = await run([]);
    expect(unpriced.code).toBe(0);
    expect(unpriced.stderr).toContain('No price for the model "sim-remote"');
    expect(readJson<ExportedRun>(join(cwd, 'run.json')).totals.cost).toBe(0);
    writeFileSync(join(cwd, 'prices.json'), JSON.stringify({ 'sim-remote': { input: 1000, output: 2000 } }));
    const priced = await run(['--prices', 'prices.json']);
    expect(priced.code).toBe(0);
    expect(priced.stderr).not.toContain('No price');
    const { totals } = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(totals.cost).toBeCloseTo((totals.promptTokens * 1000 + totals.completionTokens * 2000) / 1e6, 9);
    writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ 'sim-remote': { input: 'cheap' } }));
    const bad = await run(['--prices', 'bad.json']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toMatch(/--prices .*bad\.json: sim-remote\.input/);
  }, 60_000);

  it('--rpm holds requests beyond the per-minute limit of the endpoint', async () => {
    const args = ['run', gotSorting32().file.replace('-got.', '-io.'), '--samples', '0-1', '--base-url', server.url, '--model', 'sim-remote', '--no-cache', '--quiet'];
    const env = { OPENAI_API_KEY: KEY };
    expect((await cli(args, { env })).code).toBe(0);
    // The second sample's request would wait a minute: cancel well before.
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const limited = await cli([...args, '--rpm', '1'], { env, signal: controller.signal });
    expect(limited.code).toBe(EXIT.cancelled);
    expect(limited.stdout).toMatch(/#0\s+completed/);
    expect(limited.stdout).not.toMatch(/#1\s+completed/);
  }, 30_000);

  it('exits 4 naming the model when the server does not know it', async () => {
    const result = await cli(['run', gotSorting32().file, '--base-url', server.url, '--model', 'no-such-model', '--no-cache', '--quiet'], { env: { OPENAI_API_KEY: KEY } });
    expect(result.code).toBe(EXIT.modelUnreachable);
    expect(result.stderr).toContain(server.url);
    expect(result.stderr).toContain('no-such-model');
    expect(result.stderr).not.toContain(KEY);
  }, 30_000);

  it('exits 4 with a message about the key, without the key, when the server refuses it', async () => {
    const wrong = 'sk-test-WRONG-KEY-9876543210';
    const result = await cli(['run', gotSorting32().file, '--base-url', server.url, '--model', 'sim-remote', '--no-cache', '--quiet'], { env: { OPENAI_API_KEY: wrong } });
    expect(result.code).toBe(EXIT.modelUnreachable);
    expect(result.stderr).toMatch(/OPENAI_API_KEY/);
    expect(result.stderr + result.stdout).not.toContain(wrong);
  }, 30_000);
});

describe('a server that ignores n', () => {
  let server: ModelServer;
  beforeAll(async () => {
    server = await startModelServer({ model: simulatorModel({ seed: 0, latencyMs: 0, tokenMs: 0 }), models: ['sim-one'], faults: { ignoreN: true } });
  });
  afterAll(async () => server.close());

  it("is answered with k separate requests, and every sample's run log says so", async () => {
    const cwd = scratch();
    const tot = exampleGraphs().find((e) => e.name === 'sorting-032-tot.got.json')!;
    const result = await cli(['run', tot.file, '--samples', '0-1', '--base-url', server.url, '--model', 'sim-one', '--no-cache', '--quiet', '--out', 'run.json'], { cwd });
    expect(result.code).toBe(0);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(run.samples.map((s) => [s.requests, s.completions])).toEqual([
      [40, 40],
      [40, 40],
    ]);
    for (const sample of run.samples) expect(sample.logs.some((l) => /ignores n|ignored n/.test(l.message))).toBe(true);
  }, 60_000);
});
