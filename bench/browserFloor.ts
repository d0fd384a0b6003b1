// What a page can reach at all, next to what the app reaches (bench/appColdStart.ts): a fresh Chromium page with no app
// around it runs (a) the engine on the page's main thread, (b) the engine in a Web Worker, (c) a chain of bare fetches
// as long as the graph's critical path (one request after another, no SDK, no engine: the least a page pays per call),
// and (d) the run's own requests by bare fetch, each wave at once after the wave before (the least a page pays for this
// graph's traffic), against the simulator server in its own process. Each ÷ the same bound (critical-path hops ×
// latency), runs alternated.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from '@playwright/test';
import { KNOWN_HOPS } from './bound';
import type { FloorJob, FloorResult } from './browserFloorPage';
import { COMPILE_ALL_HINT } from '../scripts/compileHints';
import { recordWaves } from './graphWaves';
import { startSimulatorProcess } from './models';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = process.env.FLOOR_EXAMPLE ? [process.env.FLOOR_EXAMPLE] : ['sorting-128-got', 'set-intersection-128-got'];
const LATENCIES = process.env.FLOOR_LATENCY ? [Number(process.env.FLOOR_LATENCY)] : [200, 50];
const REPEATS = Math.max(1, Number(process.env.FLOOR_REPEATS ?? 5) || 5);
const MODES = ['engine, main thread', 'engine, Web Worker', 'bare fetch chain', 'bare fetch chain, streamed', "bare fetch, the run's waves"] as const;
type Mode = (typeof MODES)[number];

/** Serves the floor's page script (bench/browserFloorPage.ts, bundled) and a bare page that loads it. */
export async function servePage(): Promise<{ server: Server; url: string }> {
  const bundled = await build({ entryPoints: [`${ROOT}bench/browserFloorPage.ts`], bundle: true, format: 'iife', platform: 'browser', minify: true, write: false, logLevel: 'error' });
  // Compiled as it loads, as the app's run and SDK chunks are (scripts/compileHints.ts).
  const script = `${COMPILE_ALL_HINT}\n${bundled.outputFiles[0]!.text}`;
  const server = createServer((req, res) => {
    if (req.url === '/floor.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><script src="/floor.js"></script>');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** One job in a fresh browser context and page (in a Web Worker for the worker mode). */
export async function runInFreshPage(browser: Browser, pageUrl: string, mode: Mode, job: FloorJob): Promise<FloorResult> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    await page.goto(pageUrl);
    return await page.evaluate(
      async ({ job, inWorker }) => {
        const page = window as unknown as { runFloorJob(j: typeof job): Promise<FloorResult>; warmEngine(baseUrl: string): Promise<void> };
        if (!inWorker) return page.runFloorJob(job);
        // The app's preflight warm-up needs a page: done here, for the worker's requests too.
        await page.warmEngine(job.baseUrl);
        const worker = new Worker('/floor.js');
        return await new Promise<FloorResult>((done) => {
          worker.onmessage = (e: MessageEvent<FloorResult>) => done(e.data);
          worker.postMessage(job);
        });
      },
      { job, inWorker: mode === 'engine, Web Worker' },
    );
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall ÷ bound of the engine in a bare page (main thread and worker) and of a bare fetch chain, per transport, graph and latency. */
export async function benchBrowserFloor(): Promise<string[]> {
  const lines = [
    `machine load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`,
    `a fresh Chromium page per run with no app around it, simulator server in its own process, median of ${REPEATS}; bound = critical-path hops × latency; the bare fetch chain makes as many requests, one after another`,
  ];
  const { server, url } = await servePage();
  // Each graph's requests and waves, from one run in this process (they do not depend on the server's latency).
  const waves = await recordWaves(EXAMPLES);
  for (const [example, recorded] of waves) lines.push(`${example}: ${recorded.flat().length} requests in ${recorded.length} waves of ${recorded.map((w) => w.length).join(', ')}`);
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  try {
    for (const tls of [true, false]) {
      for (const latency of LATENCIES) {
        const sim = await startSimulatorProcess(latency, { tls });
        try {
          for (const example of EXAMPLES) {
            const hops = KNOWN_HOPS[example]!;
            const documentText = readFileSync(`${ROOT}public/examples/${example}.got.json`, 'utf8');
            const jobs: Record<Mode, FloorJob> = {
              'engine, main thread': { kind: 'engine', documentText, baseUrl: sim.url },
              'engine, Web Worker': { kind: 'engine', documentText, baseUrl: sim.url },
              'bare fetch chain': { kind: 'fetch chain', baseUrl: sim.url, hops, stream: false },
              'bare fetch chain, streamed': { kind: 'fetch chain', baseUrl: sim.url, hops, stream: true },
              "bare fetch, the run's waves": { kind: 'fetch waves', baseUrl: sim.url, waves: waves.get(example)! },
            };
            const ratios = new Map<Mode, number[]>(MODES.map((m) => [m, []]));
            for (let i = 0; i < REPEATS; i++) {
              for (const mode of MODES) {
                const result = await runInFreshPage(browser, url, mode, jobs[mode]);
                if (result.status !== 'completed') throw new Error(`${example} @ ${latency} ms, ${mode}: ${result.status}`);
                ratios.get(mode)!.push(result.wallMs / (hops * latency));
              }
              sim.takeTraces();
            }
            const cells = MODES.map((m) => `${m} ${median(ratios.get(m)!).toFixed(3)} (${Math.min(...ratios.get(m)!).toFixed(3)}–${Math.max(...ratios.get(m)!).toFixed(3)})`);
            lines.push(`${tls ? 'HTTP/2 + TLS' : 'HTTP/1.1'}, ${example} @ ${latency} ms, wall ÷ bound: ${cells.join('; ')}; load ${loadavg()[0]!.toFixed(1)}`);
          }
        } finally {
          sim.child.kill();
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return lines;
}
