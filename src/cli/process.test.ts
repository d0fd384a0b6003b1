import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedRun } from '../engine/index';
import { EXAMPLES_DIR, ROOT, readJson, scratch } from './test/harness';

/** Starts the real command line (bin/got-studio.mjs) as a child process. */
function start(args: readonly string[], cwd: string) {
  const child = spawn(process.execPath, [join(ROOT, 'bin/got-studio.mjs'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

/** Starts a long run, waits until its first calls are in flight (the progress line says so), then sends `signal`. */
async function interrupted(signal: NodeJS.Signals, cwd: string) {
  const graph = join(EXAMPLES_DIR, 'sorting-128-got.got.json');
  const run = start(['run', graph, '--no-cache', '--latency-ms', '1000', '--token-ms', '0', '--out', 'partial.json'], cwd);
  await new Promise<void>((resolve) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (/running 1 sample/.test(run.stderr()) || Date.now() - started > 10_000) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
  await new Promise((r) => setTimeout(r, 1500));
  run.child.kill(signal);
  return run.done;
}

describe('the got-studio process', () => {
  it('cancels on Ctrl+C (SIGINT), writes the partial run and exits 130', async () => {
    const cwd = scratch();
    const result = await interrupted('SIGINT', cwd);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/Cancelling/);
    expect(existsSync(join(cwd, 'partial.json'))).toBe(true);
    const exported = readJson<ExportedRun>(join(cwd, 'partial.json'));
    expect(exported.samples[0]!.status).toBe('cancelled');
    expect(exported.samples[0]!.thoughts.length).toBeGreaterThan(1);
  }, 30_000);

  it('stops on SIGTERM like on Ctrl+C: writes the partial run and exits 143', async () => {
    const cwd = scratch();
    const result = await interrupted('SIGTERM', cwd);
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/Cancelling on SIGTERM/);
    const exported = readJson<ExportedRun>(join(cwd, 'partial.json'));
    expect(exported.samples[0]!.status).toBe('cancelled');
    expect(exported.samples[0]!.thoughts.length).toBeGreaterThan(1);
  }, 30_000);
});
