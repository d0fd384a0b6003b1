import { createServer } from 'node:net';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from './errors';
import type { ExportedRun } from '../engine/index';
import { cli, exampleGraphs, readJson, scratch } from './test/harness';

const example = (task: string, scheme: string, size: number) => {
  const found = exampleGraphs().find((e) => e.document.task === task && e.document.scheme === scheme && (e.document.input['original'] as unknown[] | undefined)?.length === size);
  if (!found) throw new Error(`no ${task} ${scheme} ${size} example`);
  return found.file;
};

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('exit codes', () => {
  it('documents every exit code in --help', async () => {
    const result = await cli(['--help']);
    expect(result.code).toBe(0);
    for (const code of ['2 ', '3 ', '4 ', '5 ', '130']) expect(result.stdout).toContain(`  ${code}`);
    expect(result.stdout).toMatch(/run \[options\] <graph>/);
  });

  it('exits 2 and names the path when the graph file is missing', async () => {
    const result = await cli(['run', 'no-such-graph.got.json']);
    expect(result.code).toBe(EXIT.missingFile);
    expect(result.stderr).toMatch(/Graph file not found: .*no-such-graph\.got\.json/);
  });

  it('exits 2 when the dataset file is missing', async () => {
    const result = await cli(['run', example('sorting', 'IO', 32), '--dataset', 'nowhere.csv', '--samples', '0', '--loader', 'sorting']);
    expect(result.code).toBe(EXIT.missingFile);
    expect(result.stderr).toMatch(/Dataset file not found: .*nowhere\.csv/);
  });

  it('exits 3 for an invalid graph and prints each diagnostic with its operation and field', async () => {
    const cwd = scratch();
    const graph = {
      format: 'got-studio',
      version: 2,
      title: 'Broken',
      operations: [
        { id: 'solve', type: 'generate', inputs: [], params: { samples: 0, prompt: 'Sort {{current}}', parser: { kind: 'list', key: 'current' } } },
        { id: 'best', type: 'keepBestN', inputs: ['solve', 'ghost'], params: { n: 1 } },
      ],
    };
    writeFileSync(join(cwd, 'broken.got.json'), JSON.stringify(graph));
    const result = await cli(['run', 'broken.got.json'], { cwd });
    expect(result.code).toBe(EXIT.invalidGraph);
    expect(result.stderr).toMatch(/operation 'solve', field samples/);
    expect(result.stderr).toMatch(/operation 'best'.*ghost/);
    const validate = await cli(['validate', 'broken.got.json'], { cwd });
    expect(validate.code).toBe(EXIT.invalidGraph);
    expect(validate.stdout).toMatch(/operation 'solve', field samples/);
  });

  it('exits 3 for a file that is not JSON', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'junk.got.json'), '{ "format": ');
    const result = await cli(['validate', 'junk.got.json'], { cwd });
    expect(result.code).toBe(EXIT.invalidGraph);
  });

  it('exits 4 and says the base URL and what to check when the model server is unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const result = await cli(['run', example('sorting', 'IO', 32), '--base-url', url, '--model', 'some-model', '--quiet']);
    expect(result.code).toBe(EXIT.modelUnreachable);
    expect(result.stderr).toContain(url);
    expect(result.stderr).toMatch(/connection refused/);
    expect(result.stderr).toMatch(/Check that the server is running/);
  });

  it('never prints credentials written into the base URL', async () => {
    const url = `http://bob:pw-SECRET@127.0.0.1:${await closedPort()}/v1`;
    const result = await cli(['run', example('sorting', 'IO', 32), '--base-url', url, '--model', 'some-model', '--quiet']);
    expect(result.code).toBe(EXIT.modelUnreachable);
    expect(result.stderr).not.toContain('SECRET');
  });

  it('exits 5 and names the cap when the budget is hit, keeping the partial run', async () => {
    const cwd = scratch();
    const result = await cli(['run', example('sorting', 'GoT', 32), '--budget', 'requests=2', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet', '--out', 'run.json'], { cwd });
    expect(result.code).toBe(EXIT.budget);
    expect(result.stderr).toMatch(/requests cap of 2/);
    const run = readJson<ExportedRun>(join(cwd, 'run.json'));
    expect(run.samples[0]!.status).toBe('budget');
    expect(run.samples[0]!.requests).toBeLessThanOrEqual(2);
  });

  it('exits 5 before the next sample when a batch has spent its budget', async () => {
    const result = await cli(['run', example('sorting', 'IO', 32), '--samples', '0-4', '--max-requests', '3', '--no-cache', '--latency-ms', '0', '--token-ms', '0', '--quiet']);
    expect(result.code).toBe(EXIT.budget);
    expect(result.stderr).toMatch(/requests cap of 3 was reached at sample #3/);
    expect(result.stdout).toMatch(/#4\s+not run/);
  });

  it('spends no token budget on answers from the cache, as a single run does', async () => {
    const cwd = scratch();
    const args = ['run', example('sorting', 'IO', 32), '--samples', '0-2', '--latency-ms', '0', '--token-ms', '0', '--quiet'];
    expect((await cli(args, { cwd })).code).toBe(EXIT.ok);
    // Each sample takes about 150 tokens: paid again, three would cross a cap of 200.
    const again = await cli([...args, '--budget', 'tokens=200'], { cwd });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(EXIT.ok);
    expect(again.stdout).toMatch(/3 answer\(s\) came from the response cache/);
  });

  it('exits 130 on cancel and still writes the partial results to --out', async () => {
    const cwd = scratch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 400);
    const result = await cli(['run', example('sorting', 'GoT', 32), '--no-cache', '--latency-ms', '300', '--token-ms', '0', '--quiet', '--out', 'partial.json'], { cwd, signal: controller.signal });
    expect(result.code).toBe(EXIT.cancelled);
    expect(existsSync(join(cwd, 'partial.json'))).toBe(true);
    const run = readJson<ExportedRun>(join(cwd, 'partial.json'));
    expect(run.samples[0]!.status).toBe('cancelled');
  });

  it('exits 1 with a usage message for a malformed option', async () => {
    const result = await cli(['run', example('sorting', 'IO', 32), '--samples', '9-3']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stderr).toMatch(/runs backwards/);
  });
});
