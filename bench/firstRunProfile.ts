// Where the page's main thread spends the critical path of the app's first run (sorting-128 GoT, OpenAI-compatible provider →
// simulator server over HTTP/2 + TLS at 50 ms per call, an unminified production build so functions keep their names).
// A CPU profile of the run is cut into windows on the page's clock: click → first request, the first request's wait
// for its preflight, each answer's arrival → the next wave's first request, and within a wave request k → k+1.
// Prints the top self-times per kind of window. Run: `npx tsx bench/firstRunProfile.ts` (REPEATS=n, LATENCY=ms, TLS=0, CACHE=1, EXAMPLE=name).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CLICK_TO_DONE, READ_REQUESTS, WATCH_FETCH, waitForDone, type PageRequest } from './appColdStart';
import { openExampleOnServer } from './appModel';
import { KNOWN_HOPS } from './bound';
import type { CpuProfile, ProfileNode } from './cpuProfile';
import { startSimulatorProcess } from './models';

const EXAMPLE = process.env.EXAMPLE ?? 'sorting-128-got';
const REPEATS = Number(process.env.REPEATS ?? 3);
const LATENCY = Number(process.env.LATENCY ?? 50);
const TLS = process.env.TLS !== '0';
/** CACHE=1: the response cache on, as the app's default settings have it. */
const CACHE = process.env.CACHE === '1';
const TOP = Number(process.env.TOP ?? 12);


// A marker the profile can find: it spins 5 ms from a known performance.now(), which ties the profile's clock to the page's.
const MARK = `window.__gotProfileMark = function gotProfileMark() { const t = performance.now(); while (performance.now() - t < 5); return t; }`;

type Kind =
  | 'click → first request'
  | 'first request → sent (preflight)'
  | 'first call in flight (sent → read)'
  | 'last answer read → Done'
  | 'answer → next wave'
  | 'within a wave (k → k+1)'
  | 'answer in browser → read by page';

interface Window {
  kind: Kind;
  from: number;
  to: number;
}

/** The windows of the critical path on the page clock, from the page's requests. */
function windowsOf(click: number, done: number, reqs: PageRequest[]): Window[] {
  const sorted = [...reqs].sort((a, b) => a.start - b.start);
  const first = sorted[0];
  if (!first) return [];
  const out: Window[] = [{ kind: 'click → first request', from: click, to: first.start }];
  if (Number.isFinite(first.sent)) out.push({ kind: 'first request → sent (preflight)', from: first.start, to: first.sent });
  // The first call's flight: what the page does while its answer is on the way delays reading it.
  out.push({ kind: 'first call in flight (sent → read)', from: Number.isFinite(first.sent) ? first.sent : first.start, to: first.jsEnd });
  out.push({ kind: 'last answer read → Done', from: Math.max(...sorted.map((r) => r.jsEnd)), to: done });
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    // A wave starts when an answer was read between the previous request and this one.
    const answers = sorted.filter((r) => r.jsEnd > prev.start && r.jsEnd <= cur.start);
    if (answers.length === 0) out.push({ kind: 'within a wave (k → k+1)', from: prev.start, to: cur.start });
    else {
      const last = answers.reduce((a, b) => (b.jsEnd > a.jsEnd ? b : a));
      out.push({ kind: 'answer in browser → read by page', from: last.netEnd, to: last.jsEnd });
      out.push({ kind: 'answer → next wave', from: last.jsEnd, to: cur.start });
    }
  }
  return out.filter((w) => Number.isFinite(w.from) && Number.isFinite(w.to) && w.to > w.from);
}

/** Self time (ms) per function inside the windows of each kind, on the page clock via the marker. */
function selfTimes(p: CpuProfile, marks: number[], windows: Window[]): Map<Kind, { total: number; count: number; byFn: Map<string, number> }> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = p.startTime;
  for (const d of p.timeDeltas) times.push((t += d));
  const inMark = (id: number): boolean => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
      if (byId.get(cur)!.callFrame.functionName === 'gotProfileMark') return true;
    return false;
  };
  // The marker is called before the click and after Done: the profile may have missed the first.
  const first = p.samples.findIndex(inMark);
  if (first < 0) throw new Error('the profile has no marker sample');
  const markAt = times[first]! / 1000;
  const offset = (markAt - times[0]! / 1000 < (marks[1]! - marks[0]!) / 2 ? marks[0]! : marks[1]!) - markAt;
  const out = new Map<Kind, { total: number; count: number; byFn: Map<string, number> }>();
  for (const w of windows) {
    const agg = out.get(w.kind) ?? { total: 0, count: 0, byFn: new Map<string, number>() };
    agg.total += w.to - w.from;
    agg.count += 1;
    out.set(w.kind, agg);
  }
  p.samples.forEach((id, i) => {
    const at = times[i]! / 1000 + offset;
    // A sample stands for the time to the next one, but not across a gap the sampler skipped (an idle thread).
    const dt = Math.min((times[i + 1] ?? times[i]!) - times[i]!, 1000) / 1000;
    // Windows may overlap (the first call's flight holds others): a sample counts in each window it falls in.
    for (const w of windows.filter((x) => at >= x.from && at < x.to)) {
      const n = byId.get(id)!;
      const file =
        n.callFrame.url
          .split('/')
          .pop()
          ?.replace(/-[\w-]{8}\.js$/, '') ?? '';
      const name = `${n.callFrame.functionName || '(anon)'}${file ? ` ${file}:${n.callFrame.lineNumber + 1}` : ''}`;
      const agg = out.get(w.kind)!;
      agg.byFn.set(name, (agg.byFn.get(name) ?? 0) + dt);
      // Inclusive time of the callers, each name once per stack, marked "⊃".
      const seen = new Set<string>();
      for (let cur = parent.get(id); cur !== undefined; cur = parent.get(cur)) {
        const c = byId.get(cur)!.callFrame;
        const caller = `⊃ ${c.functionName || '(anon)'} ${
          c.url
            .split('/')
            .pop()
            ?.replace(/-[\w-]{8}\.js$/, '') ?? ''
        }:${c.lineNumber + 1}`;
        if (seen.has(caller) || !c.functionName) continue;
        seen.add(caller);
        agg.byFn.set(caller, (agg.byFn.get(caller) ?? 0) + dt);
      }
    }
  });
  if (process.env.TRACE) {
    // TRACE_KIND: one kind of window or several, comma-separated.
    for (const kind of (process.env.TRACE_KIND ?? 'click → first request').split(','))
      for (const w of windows.filter((x) => x.kind === kind).slice(0, Number(process.env.TRACE_N ?? 4)))
        printTrace(p, byId, parent, times, offset, w);
  }
  return out;
}

/** TRACE=1: the first TRACE_N (4) windows of each kind in TRACE_KIND (default click → first request), as runs of samples under the same outermost named function. */
function printTrace(
  p: CpuProfile,
  byId: Map<number, ProfileNode>,
  parent: Map<number, number>,
  times: number[],
  offset: number,
  w: Window | undefined,
): void {
  if (!w) return;
  const outer = (id: number): string => {
    let name = '(idle)';
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (f.functionName && f.functionName !== '(root)') name = f.functionName;
    }
    return name;
  };
  let run: { label: string; from: number; to: number } | null = null;
  const lines: string[] = [];
  p.samples.forEach((id, i) => {
    const at = times[i]! / 1000 + offset;
    if (at < w.from || at >= w.to) return;
    const label = outer(id);
    if (run && run.label === label) run.to = at;
    else {
      if (run) lines.push(`    +${(run.from - w.from).toFixed(1).padStart(6)} ${(run.to - run.from).toFixed(1).padStart(5)}  ${run.label}`);
      run = { label, from: at, to: at };
    }
  });
  console.log(`  trace of ${w.kind} (${(w.to - w.from).toFixed(1)} ms):\n${lines.join('\n')}`);
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'got-first-run-profile-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: false } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir }, logLevel: 'error' });
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  const sim = await startSimulatorProcess(LATENCY, { tls: TLS });
  const total = new Map<Kind, { total: number; count: number; byFn: Map<string, number> }>();
  const walls: number[] = [];
  try {
    for (let r = 0; r < REPEATS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.addInitScript(WATCH_FETCH);
      await page.addInitScript(MARK);
      const cdp = await context.newCDPSession(page);
      await openExampleOnServer(page, server.resolvedUrls?.local[0] ?? '', EXAMPLE, sim.url, { cache: CACHE });
      await page.evaluate(CLICK_TO_DONE);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.SAMPLE_US ?? 200) });
      await cdp.send('Profiler.start');
      const before = (await page.evaluate('window.__gotProfileMark()')) as number;
      await page.getByTestId('run-start').click();
      await waitForDone(page);
      const after = (await page.evaluate('window.__gotProfileMark()')) as number;
      const { profile } = await cdp.send('Profiler.stop');
      const click = (await page.evaluate('window.__clickAt')) as number;
      const doneAt = (await page.evaluate('window.__doneAt')) as number;
      walls.push(doneAt - click);
      const reqs = (await page.evaluate(READ_REQUESTS)) as PageRequest[];
      if (process.env.TRACE) {
        const loads = (await page.evaluate(
          `performance.getEntriesByType('resource').filter((r) => r.startTime > ${click} - 200).map((r) => [r.name.split('/').pop(), r.startTime - ${click}, r.responseEnd - ${click}])`,
        )) as Array<[string, number, number]>;
        console.log(
          `  resources fetched around the click (ms from it):\n${loads.map(([n, a, b]) => `    ${a.toFixed(1).padStart(7)} → ${b.toFixed(1).padStart(7)}  ${n}`).join('\n')}`,
        );
      }
      for (const [kind, agg] of selfTimes(profile as unknown as CpuProfile, [before, after], windowsOf(click, doneAt, reqs))) {
        const into = total.get(kind) ?? { total: 0, count: 0, byFn: new Map<string, number>() };
        into.total += agg.total;
        into.count += agg.count;
        for (const [fn, ms] of agg.byFn) into.byFn.set(fn, (into.byFn.get(fn) ?? 0) + ms);
        total.set(kind, into);
      }
      await context.close();
    }
  } finally {
    sim.child.kill();
    await browser.close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(
    `load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' / ',
      )}; ${TLS ? 'HTTP/2 + TLS' : 'HTTP/1.1'} @ ${LATENCY} ms; ${REPEATS} runs; click → done ${walls.map((w) => w.toFixed(0)).join(', ')} ms (÷ ${KNOWN_HOPS[EXAMPLE]} hops ${walls.map((w) => (w / (KNOWN_HOPS[EXAMPLE]! * LATENCY)).toFixed(3)).join(', ')})`,
  );
  for (const [kind, agg] of total) {
    const busy = [...agg.byFn.entries()].filter(([fn]) => !fn.startsWith('(idle)') && !fn.startsWith('⊃')).reduce((s, [, v]) => s + v, 0);
    console.log(
      `\n${kind}: ${agg.count / REPEATS} per run, ${(agg.total / REPEATS).toFixed(1)} ms per run, main thread busy ${(busy / REPEATS).toFixed(1)} ms per run`,
    );
    const top = (inclusive: boolean) =>
      [...agg.byFn.entries()]
        .filter(([fn]) => fn.startsWith('⊃') === inclusive)
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP);
    console.log('  self:');
    for (const [fn, ms] of top(false)) console.log(`  ${(ms / REPEATS).toFixed(2).padStart(7)}  ${fn}`);
    console.log('  inclusive:');
    for (const [fn, ms] of top(true)) console.log(`  ${(ms / REPEATS).toFixed(2).padStart(7)}  ${fn}`);
  }
}

await main();
