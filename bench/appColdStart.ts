// The app's first run after load, as a user meets it: the production build served by `vite preview`,
// a fresh Chromium page, the model set to an OpenAI-compatible endpoint (the simulator server in its
// own process with a fixed latency per call), Run pressed on the sorting-128 GoT or set-intersection-128 GoT example. Wall time
// from the click to "Done" (read in the page), against the critical-path bound of the calls it made. Beside it, alternated run
// by run, Chromium's floor for the same traffic: the run's own requests sent by bare fetch in the run's waves, in a fresh
// page with no app, no engine and no SDK (bench/browserFloor.ts), so the app's share of the excess reads off one line.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import type { GotDocument, GrsState } from '../src/engine/index';
import { openExampleOnServer } from './appModel';
import { longestCallChain } from './bound';
import { runInFreshPage, servePage } from './browserFloor';
import { recordWaves } from './graphWaves';
import { startSimulatorProcess, type SimulatorProcess } from './models';
import { hopTimeline, type ServerTrace, type TimelineEvent } from './timeline';

/** The issue's two graphs; APP_COLD_EXAMPLE=name takes one. */
const EXAMPLES = process.env.APP_COLD_EXAMPLE ? [process.env.APP_COLD_EXAMPLE] : ['sorting-128-got', 'set-intersection-128-got'];
// APP_COLD_LATENCY=50, APP_COLD_TRANSPORT=h2|http1 and APP_COLD_REPEATS=n narrow a run; APP_COLD_DIST compares prebuilt builds (below).
const LATENCIES = process.env.APP_COLD_LATENCY ? [Number(process.env.APP_COLD_LATENCY)] : [200, 50];
const REPEATS = Math.max(1, Number(process.env.APP_COLD_REPEATS ?? 3) || 3);
/** Plain HTTP/1.1, as a local Ollama or vLLM answers; HTTPS with HTTP/2, as a hosted API (OpenAI) answers. */
const TRANSPORTS = [
  { name: 'HTTP/1.1', tls: false, cache: false },
  { name: 'HTTP/2 + TLS', tls: true, cache: false },
  // The app's default settings keep the response cache on: each call of a first run looks itself up and writes its answer.
  { name: 'HTTP/2 + TLS, cache on (the default)', tls: true, cache: true },
] as const;

interface ExportedSample {
  wallMs: number;
  calls: Array<GrsState['calls'][string]>;
  events: Array<TimelineEvent & { document?: GotDocument }>;
}

interface AppRun {
  /** Click on Run to the status saying Done, measured in the page. */
  clickMs: number;
  /** The click and "Done" on the page clock. */
  clickAt: number;
  doneAt: number;
  /** The engine's own wall time of the run. */
  runMs: number;
  hops: number;
  events: TimelineEvent[];
  traces: ServerTrace[];
  /** What Chromium's network log saw of the run's requests to the model server. */
  wire: Wire;
  requests: PageRequest[];
}

/** One chat request seen from the page: its fetch, the browser's timing of it, and when the page's code read its last byte. */
export interface PageRequest {
  /** fetch() called (page clock, ms). */
  start: number;
  /** The request left for the server: after a CORS preflight and any wait for a connection. */
  sent: number;
  /** The last byte reached the browser's network stack. */
  netEnd: number;
  /** The last byte reached the page's code (the SDK's stream reader): later than netEnd when the main thread was busy. */
  jsEnd: number;
}

// Wraps the page's fetch (the SDK calls the global one) to note when each chat answer's body was read to its end;
// a chat POST without a body (the app's preflight warm-up) is noted apart.
/**
 * Page script: the clock starts at the click on Run and stops when the status first says Done (a string: no tsx helpers in the page).
 * `window.__done` settles then, so the bench waits on it (`waitForDone`) instead of polling the page: Playwright's polling ran its
 * injected script on the page's main thread every 50 ms during the run (its first evaluation alone took 9–18 ms).
 */
export const CLICK_TO_DONE = `(() => {
  window.__doneAt = undefined;
  let done;
  window.__done = new Promise((resolve) => { done = resolve; });
  const button = document.querySelector('[data-testid="run-start"]');
  button.addEventListener('click', () => {
    window.__clickAt = performance.now();
    const status = document.querySelector('[data-testid="run-status"]');
    const check = () => { if (window.__doneAt === undefined && /^Done/.test(status.textContent || '')) { window.__doneAt = performance.now(); done(); } };
    new MutationObserver(check).observe(status, { subtree: true, childList: true, characterData: true });
  }, { capture: true, once: true });
})()`;

/** Waits, without polling the page, until CLICK_TO_DONE saw "Done" (at most `timeoutMs`). */
export async function waitForDone(page: Page, timeoutMs = 120_000): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the run did not say Done within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([page.evaluate('window.__done'), late]);
  } finally {
    clearTimeout(timer);
  }
}

export const WATCH_FETCH = `(() => {
  window.__chat = [];
  window.__warm = [];
  const plain = window.fetch;
  window.fetch = async function (input, init) {
    const url = typeof input === 'string' ? input : input.url;
    if (!String(url).includes('/chat/completions')) return plain.call(this, input, init);
    if (!init || init.body === undefined) { window.__warm.push(performance.now()); return plain.call(this, input, init); }
    const rec = { start: performance.now(), jsEnd: NaN };
    window.__chat.push(rec);
    const res = await plain.call(this, input, init);
    if (!res.body) return res;
    const reader = res.body.getReader();
    const body = new ReadableStream({
      async pull(c) { const r = await reader.read(); if (r.done) { rec.jsEnd = performance.now(); c.close(); } else c.enqueue(r.value); },
      cancel(reason) { return reader.cancel(reason); },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
})()`;

// The page's chat requests joined with their resource timing (the simulator sends Timing-Allow-Origin), in order.
export const READ_REQUESTS = `(() => {
  const warm = (r) => window.__warm.some((t) => Math.abs(t - r.startTime) < 1);
  const timing = performance.getEntriesByType('resource').filter((r) => r.name.includes('/chat/completions') && !warm(r)).sort((a, b) => a.startTime - b.startTime);
  return window.__chat.map((c, i) => ({ start: c.start, sent: timing[i] ? timing[i].requestStart : NaN, netEnd: timing[i] ? timing[i].responseEnd : NaN, jsEnd: c.jsEnd }));
})()`;

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

/** Where a run's client-side time went, from the page's own clock (`clickAt`, `doneAt`: the click on Run and "Done" shown). */
function clientLine(requests: PageRequest[], clickAt: number, doneAt: number): string {
  const [first, ...rest] = requests;
  if (!first) return 'no requests seen';
  const lastRead = Math.max(...requests.map((r) => r.jsEnd).filter(Number.isFinite));
  const lag = requests.map((r) => r.jsEnd - r.netEnd).filter(Number.isFinite);
  // From the answer the page read last before a request to that request: the engine and the SDK between calls.
  const between = rest.map((r) => r.start - Math.max(...requests.map((q) => q.jsEnd).filter((e) => e <= r.start))).filter(Number.isFinite);
  const f = (x: number) => x.toFixed(1);
  return (
    `client: click → first fetch ${f(first.start - clickAt)} ms, last answer read → "Done" ${f(doneAt - lastRead)} ms; fetch → request sent ${f(first.sent - first.start)} ms for the first call (CORS preflight), ${f(mean(rest.map((r) => r.sent - r.start)))} ms mean after; ` +
    `last byte in the browser → read by the page ${f(mean(lag))} ms mean, ${f(Math.max(...lag))} max (main thread busy); answer read → next request ${f(mean(between))} ms mean (engine + SDK)`
  );
}

/** The model server's requests as Chromium sent them (DevTools protocol). */
interface Wire {
  protocols: Set<string>;
  connections: Set<number>;
  posts: number;
  /** POSTs without a body: the app's preflight warm-up, which no model answers. */
  warmups: number;
  preflights: number;
}

const wireLine = (w: Wire): string =>
  `Chromium sent ${w.posts} chat requests over ${[...w.protocols].join(', ') || '?'} on ${w.connections.size} connection(s), ${w.preflights} CORS preflight(s), ${w.warmups} bodiless warm-up POST(s)`;

/**
 * One fresh page: load the app, point it at the server, open the example, press Run, wait for Done. With `watch`, the page's
 * fetch is wrapped to time when each answer's body was read (WATCH_FETCH): a stream piped per answer, whose cost lands on the
 * run, so timed runs go without it and one watched run more gives the client-side breakdown.
 */
async function firstRun(browser: Browser, appUrl: string, sim: SimulatorProcess, example: string, cache: boolean, watch = false): Promise<AppRun> {
  // The simulator's TLS certificate is self-signed: this context accepts it, as a user would once.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, ignoreHTTPSErrors: true });
  try {
    const page = await context.newPage();
    const wire: Wire = { protocols: new Set(), connections: new Set(), posts: 0, warmups: 0, preflights: 0 };
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const origin = new URL(sim.url).origin;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith(origin)) return;
      if (e.type === 'Preflight' || e.request.method === 'OPTIONS') wire.preflights += 1;
      else if (e.request.method === 'POST' && e.request.hasPostData) wire.posts += 1;
      else if (e.request.method === 'POST') wire.warmups += 1;
    });
    cdp.on('Network.responseReceived', (e) => {
      if (!e.response.url.startsWith(origin)) return;
      if (e.response.protocol) wire.protocols.add(e.response.protocol);
      wire.connections.add(e.response.connectionId);
    });
    if (watch) await page.addInitScript(WATCH_FETCH);
    await openExampleOnServer(page, appUrl, example, sim.url, { cache });
    await page.evaluate(CLICK_TO_DONE);
    sim.takeTraces();
    await page.getByTestId('run-start').click();
    await waitForDone(page);
    const [clickAt, doneAt] = (await page.evaluate('[window.__clickAt, window.__doneAt]')) as [number, number];
    const clickMs = doneAt - clickAt;
    const traces = sim.takeTraces();
    const requests = watch ? ((await page.evaluate(READ_REQUESTS)) as PageRequest[]) : [];
    const download = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { samples: ExportedSample[] };
    const sample = exported.samples[0]!;
    const start = sample.events[0];
    const document = start?.type === 'run.start' ? start.document : undefined;
    if (!document) throw new Error('the exported run carries no run.start event');
    const grs = { calls: Object.fromEntries(sample.calls.map((c) => [c.id, c])) } as unknown as GrsState;
    return {
      clickMs,
      clickAt,
      doneAt,
      runMs: sample.wallMs,
      hops: longestCallChain(document, grs),
      events: sample.events,
      traces,
      wire,
      requests,
    };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The bare page of bench/browserFloor.ts and each example's requests in their waves, for the floor beside the app. */
interface Floor {
  url: string;
  waves: Map<string, string[][]>;
}

/** One build of the app served for the bench: its name (for A/B lines) and URL. */
interface App {
  name: string;
  url: string;
}

/** REPEATS first runs per app on one transport at one latency, apps alternated run by run: the median ratio, the wire, the hop timeline. */
async function measure(browser: Browser, apps: App[], floor: Floor, transport: (typeof TRANSPORTS)[number], latency: number, example: string): Promise<string[]> {
  const sim = await startSimulatorProcess(latency, { tls: transport.tls });
  try {
    const runs = new Map<App, AppRun[]>(apps.map((a) => [a, []]));
    const floorMs: number[] = [];
    const waves = floor.waves.get(example)!;
    for (let i = 0; i < REPEATS; i++) {
      for (const app of apps) runs.get(app)!.push(await firstRun(browser, app.url, sim, example, transport.cache));
      const bare = await runInFreshPage(browser, floor.url, "bare fetch, the run's waves", { kind: 'fetch waves', baseUrl: sim.url, waves });
      if (bare.status !== 'completed') throw new Error(`${example} @ ${latency} ms, the bare fetch floor: ${bare.status}`);
      floorMs.push(bare.wallMs);
    }
    const lines: string[] = [];
    for (const [app, list] of runs) {
      const watched = await firstRun(browser, app.url, sim, example, transport.cache, true);
      const hops = list[0]!.hops;
      const bound = hops * latency;
      const click = median(list.map((r) => r.clickMs));
      const run = median(list.map((r) => r.runMs));
      const typical = list.find((r) => r.clickMs === click) ?? list[0]!;
      const floorRatio = median(floorMs) / bound;
      lines.push(
        `${apps.length > 1 ? `[${app.name}] ` : ''}${transport.name}, ${example} @ ${latency} ms: click → done ÷ bound ${(click / bound).toFixed(3)} (${click.toFixed(0)} ms over ${hops} × ${latency} ms; target ≤ ${latency >= 200 ? '1.05' : '1.10'}); ` +
          `the engine's run wall ${run.toFixed(0)} ms (÷ bound ${(run / bound).toFixed(3)}); ` +
          `Chromium's floor for the same ${waves.flat().length} requests in the run's ${waves.length} waves by bare fetch ${floorRatio.toFixed(3)} ` +
          `(${floorMs.map((ms) => (ms / bound).toFixed(3)).join(', ')}), the app ${(click / bound - floorRatio).toFixed(3)} over it`,
        `  ${wireLine(typical.wire)}; each run ÷ bound: ${list.map((r) => (r.clickMs / bound).toFixed(3)).join(', ')}`,
        `  one more run with the page's fetch watched (÷ bound ${(watched.clickMs / bound).toFixed(3)}, not in the median): ${clientLine(watched.requests, watched.clickAt, watched.doneAt)}`,
        ...hopTimeline(typical.events, latency, typical.traces).map((l) => `  ${l}`),
      );
    }
    return lines;
  } finally {
    sim.child.kill();
  }
}

/**
 * The builds to compare: APP_COLD_DIST="a=/path/dist,b=/path/dist" serves prebuilt builds (e.g. before and after a change)
 * and alternates them run by run, so both meet the same machine load; otherwise this checkout is built.
 */
function distsToServe(outDir: string): Array<{ name: string; dir: string; build: boolean }> {
  const given = process.env.APP_COLD_DIST;
  if (!given) return [{ name: 'this checkout', dir: outDir, build: true }];
  return given.split(',').map((part, i) => {
    const [name, dir] = part.includes('=') ? (part.split('=') as [string, string]) : [`build ${i + 1}`, part];
    return { name, dir, build: false };
  });
}

/** Click-to-done ÷ bound of the app's first run after load, per transport and latency. */
export async function benchAppColdStart(): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'got-app-cold-'));
  const lines = [
    `machine load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min)`,
    `the app's first run after load: production build (vite preview), a fresh Chromium page per run, OpenAI-compatible provider → simulator server in its own process, ${EXAMPLES.join(' and ')}, median of ${REPEATS}; wall = click on Run → "Done"`,
  ];
  const servers: Array<Awaited<ReturnType<typeof preview>>> = [];
  try {
    const apps: App[] = [];
    for (const dist of distsToServe(outDir)) {
      if (dist.build) await build({ logLevel: 'error', build: { outDir: dist.dir, emptyOutDir: true } });
      const server = await preview({
        preview: { port: 0, host: '127.0.0.1', strictPort: false },
        build: { outDir: dist.dir },
        logLevel: 'error',
      });
      servers.push(server);
      apps.push({ name: dist.name, url: server.resolvedUrls?.local[0] ?? '' });
    }
    const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
    const floorPage = await servePage();
    try {
      // Each graph's requests and waves, from one run in this process (they do not depend on the latency).
      const floor: Floor = { url: floorPage.url, waves: await recordWaves(EXAMPLES) };
      const only = process.env.APP_COLD_TRANSPORT;
      for (const transport of TRANSPORTS.filter((t) => !only || (only === 'h2') === t.tls)) {
        for (const example of EXAMPLES) for (const latency of LATENCIES) lines.push(...(await measure(browser, apps, floor, transport, latency, example)));
      }
    } finally {
      await browser.close();
      floorPage.server.close();
    }
  } finally {
    for (const server of servers) await new Promise<void>((r) => server.httpServer.close(() => r()));
    rmSync(outDir, { recursive: true, force: true });
  }
  return lines;
}
