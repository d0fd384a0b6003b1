import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorModel, type ExportedRun } from '../engine/index';
import type { FaultPlan } from '../server/faults';
import { startModelServer, type ModelServer } from '../server/modelServer';
import { EXIT } from './errors';
import { cli, exampleGraphs, readJson, scratch } from './test/harness';

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(faults: FaultPlan): Promise<ModelServer> {
  const s = await startModelServer({ model: simulatorModel({ seed: 0, latencyMs: 0 }), models: ['sim-remote'], faults });
  servers.push(s);
  return s;
}

const gotSorting32 = () => {
  const found = exampleGraphs().find((e) => e.document.task === 'sorting' && e.document.scheme === 'GoT' && (e.document.input['original'] as unknown[]).length === 32);
  if (!found) throw new Error('no GoT sorting-32 example');
  return found.file;
};

async function capped(s: ModelServer): Promise<{ code: number; sent: number; reported: number | null }> {
  const cwd = scratch();
  const result = await cli(['run', gotSorting32(), '--base-url', s.url, '--model', 'sim-remote', '--no-cache', '--budget', 'requests=3', '--quiet', '--out', 'run.json'], { cwd });
  return { code: result.code, sent: s.stats().requests, reported: readJson<ExportedRun>(join(cwd, 'run.json')).totals.requests };
}

describe('--budget requests=3 bounds the HTTP requests the server sees', () => {
  it('against a server that ignores n: at most 3 sent, and the report says what the server saw', async () => {
    const r = await capped(await server({ ignoreN: true }));
    expect(r.code).toBe(EXIT.budget);
    expect(r.sent).toBeLessThanOrEqual(3);
    expect(r.reported).toBe(r.sent);
  }, 60_000);

  it('against a server that fails twice with 500: the two retries count, 3 sent and 3 reported', async () => {
    const r = await capped(await server({ serverError: { count: 2, retryAfterMs: 1 } }));
    expect(r.code).toBe(EXIT.budget);
    expect(r.sent).toBe(3);
    expect(r.reported).toBe(3);
  }, 60_000);
});
