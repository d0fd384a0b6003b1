// Cold-start benchmark, as a user meets it: a fresh `got-studio run` process (the compiled CLI, SDK
// loaded on the way, first call included) against the simulator server running as its own process
// with a fixed latency per call; side by side with the same command one call at a time, and with the
// same command without the compiled CLI's V8 code cache (runs alternate, so both meet the same load).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocumentFile, type GrsState } from '../src/engine/index';
// @ts-expect-error: a plain .mjs helper shared with bin/got-studio.mjs, without types.
import { compiledCliIsFresh } from '../scripts/cliFreshness.mjs';
import { longestCallChain } from './bound';
import { startSimulatorProcess, type SimulatorProcess } from './models';
import { hopTimeline, type ServerTrace, type TimelineEvent } from './timeline';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GRAPHS = ['sorting-128-got', 'set-intersection-128-got'];
const LATENCIES = [200, 50];
/** Runs per cell (median); COLD_REPEATS=N takes more on a busy machine. */
const REPEATS = Math.max(1, Number(process.env['COLD_REPEATS'] ?? 3) || 3);
/** Main at ae00e47, before the first call's warm-up (same bench, median of 3, quiet machine, load average 1.2): run wall ÷ bound. */
const BEFORE: Record<string, string> = {
  'sorting-128-got @ 200': '1.060',
  'set-intersection-128-got @ 200': '1.071',
  'sorting-128-got @ 50': '1.201',
  'set-intersection-128-got @ 50': '1.265',
};

interface ColdRun {
  /** The run's own wall time, as its report says (from the command's start of the run to its end). */
  runMs: number;
  /** The whole process, spawn to exit. */
  processMs: number;
  hops: number;
  events: TimelineEvent[];
  traces: ServerTrace[];
}

/** Runs `node ARGS` to its exit without blocking this process's event loop (the simulator's trace lines keep arriving). */
function runNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (part: Buffer) => (stderr += part.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

/** One fresh `node bin/got-studio.mjs run` process; reads its --out report and the server's trace of its requests. */
async function coldRun(graph: string, sim: SimulatorProcess, concurrency: number, codeCache = true, responseCache = false): Promise<ColdRun> {
  const dir = mkdtempSync(join(tmpdir(), 'got-cold-'));
  try {
    const file = join(ROOT, 'public/examples', `${graph}.got.json`);
    // The response cache on is the CLI's default: an empty folder per run, so every call looks itself up, misses and is written.
    const cache = responseCache ? ['--cache-dir', join(dir, 'cache')] : ['--no-cache'];
    const args = [join(ROOT, 'bin/got-studio.mjs'), 'run', file, '--base-url', sim.url, '--model', 'got-simulator', '--samples', '0', ...cache, '--quiet', '--concurrency', String(concurrency), '--out', join(dir, 'run.json'), '--events'];
    sim.takeTraces();
    const t0 = performance.now();
    const r = await runNode(args, dir, { ...process.env, OPENAI_API_KEY: 'sk-bench-local', ...(codeCache ? {} : { GOT_STUDIO_CODE_CACHE: 'off' }) });
    const processMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${graph}: got-studio exited ${r.status}: ${r.stderr.slice(0, 400)}`);
    const report = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { samples: Array<{ wallMs: number; calls: GrsState['calls'][string][]; events: TimelineEvent[] }> };
    const sample = report.samples[0]!;
    const parsed = parseDocumentFile(readFileSync(file, 'utf8'));
    if (!parsed.ok) throw new Error(`${graph} does not parse`);
    const grs = { calls: Object.fromEntries(sample.calls.map((c) => [c.id, c])) } as unknown as GrsState;
    // The server prints a request's trace when its answer is written; give the last lines a moment to arrive.
    const traces = sim.takeTraces();
    for (let wait = 0; traces.length < sample.calls.length && wait < 20; wait++) {
      await new Promise((r) => setTimeout(r, 25));
      traces.push(...sim.takeTraces());
    }
    return { runMs: sample.wallMs, processMs, hops: longestCallChain(parsed.document, grs), events: sample.events, traces };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall ms of `node ARGS` over fresh processes. */
function startMs(args: readonly string[], times = 7, env: NodeJS.ProcessEnv = process.env): number {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
    ms.push(performance.now() - t0);
    if (r.status !== 0 && !args.includes('-e')) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  }
  return median(ms);
}

/** CLI start: --help and validate, compiled (as installed) and through tsx (as before), over `node -e 0`. */
function cliStartLines(): string[] {
  const graph = join(ROOT, 'public/examples/sorting-128-got.got.json');
  const tsx = [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/main.ts')];
  const bin = join(ROOT, 'bin/got-studio.mjs');
  const base = startMs(['-e', '0']);
  const over = (ms: number) => `${(ms - base).toFixed(0)} ms over node -e 0 (${ms.toFixed(0)} ms)`;
  const uncached = { ...process.env, GOT_STUDIO_CODE_CACHE: 'off' };
  return [
    `CLI start, median of 7 fresh processes; node -e 0 takes ${base.toFixed(0)} ms; target ≤ 300 ms over it`,
    `  --help:   bin/got-studio.mjs (compiled) ${over(startMs([bin, '--help']))}; without its code cache ${over(startMs([bin, '--help'], 7, uncached))}; through tsx ${over(startMs([...tsx, '--help']))}`,
    `  validate: bin/got-studio.mjs (compiled) ${over(startMs([bin, 'validate', graph]))}; without its code cache ${over(startMs([bin, 'validate', graph], 7, uncached))}; through tsx ${over(startMs([...tsx, 'validate', graph]))}`,
  ];
}

/** Wall ÷ critical-path bound of cold `got-studio run` processes, and the gain over one call at a time. */
export async function benchColdStart(): Promise<string[]> {
  // bin/got-studio.mjs runs the TypeScript through tsx when build/cli is older than a source file (a checkout being
  // edited): the compiled CLI is built first, as `npm install` builds it for a user, or every "compiled" figure would be tsx's.
  const stale = !compiledCliIsFresh(ROOT);
  if (stale) {
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/buildCli.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0 || !compiledCliIsFresh(ROOT)) throw new Error(`could not build the compiled CLI: ${built.stderr.slice(0, 300)}`);
  }
  const lines = [
    ...(stale ? ['build/cli was older than its sources: rebuilt (npm run build:cli) before measuring'] : []),
    `machine load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min): on 2 shared cores the cold client's CPU lands on the critical path`,
    `a fresh process per run (compiled CLI, openai SDK over HTTP, V8 code cache written by an earlier run, --no-cache), simulator server in its own process, median of ${REPEATS}; bound = longest chain of calls × latency`,
  ];
  for (const latency of LATENCIES) {
    const sim: SimulatorProcess = await startSimulatorProcess(latency);
    try {
      // A user's every run after their first finds the code cache: this one makes it if it is missing.
      await coldRun(GRAPHS[0]!, sim, 0);
      for (const graph of GRAPHS) {
        const runs: ColdRun[] = [];
        const uncached: ColdRun[] = [];
        const withResponseCache: ColdRun[] = [];
        for (let i = 0; i < REPEATS; i++) {
          runs.push(await coldRun(graph, sim, 0));
          uncached.push(await coldRun(graph, sim, 0, false));
          withResponseCache.push(await coldRun(graph, sim, 0, true, true));
        }
        const serial = await coldRun(graph, sim, 1);
        const hops = runs[0]!.hops;
        const bound = hops * latency;
        const run = median(runs.map((r) => r.runMs));
        const proc = median(runs.map((r) => r.processMs));
        lines.push(
          `${graph} @ ${latency} ms: run wall ÷ bound ${(run / bound).toFixed(3)} (before ${BEFORE[`${graph} @ ${latency}`] ?? '?'}; ${run.toFixed(0)} ms over ${hops} × ${latency} ms; target ≤ ${latency >= 200 ? '1.05' : '1.10'}); ` +
            `without the code cache ${(median(uncached.map((r) => r.runMs)) / bound).toFixed(3)}; ` +
            `with the response cache on (the default; empty) ${(median(withResponseCache.map((r) => r.runMs)) / bound).toFixed(3)}; ` +
            `whole process ${proc.toFixed(0)} ms (${median(uncached.map((r) => r.processMs)).toFixed(0)} without); one call at a time ${serial.runMs.toFixed(0)} ms → ${(serial.runMs / run).toFixed(2)}× faster; ` +
          `spread ${Math.min(...runs.map((r) => r.runMs / bound)).toFixed(3)}–${Math.max(...runs.map((r) => r.runMs / bound)).toFixed(3)}; load ${loadavg()[0]!.toFixed(1)}`,
        );
        const typical = runs.find((r) => r.runMs === run) ?? runs[0]!;
        lines.push(...hopTimeline(typical.events, latency, typical.traces).map((l) => `  ${l}`));
      }
    } finally {
      sim.child.kill();
    }
  }
  // Measured after the runs, so the compiled CLI starts with the code cache a run leaves, as a user's does.
  return [...cliStartLines(), ...lines];
}
