// Where the live-run view's frames go: `npx tsx bench/ui-run/profile.ts <pan200|pan2000|panall|stream> [throttle]`
// runs one scenario of the live-run bench on an unminified production build and prints the renderer main thread's
// time by trace event (self time) and the JavaScript functions with the most self time (CDP Profiler).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import type { CpuProfile } from '../cpuProfile';
import type { TraceEvent } from '../traceEvent';
import { pan } from './pan';

type Scenario = 'pan200' | 'pan2000' | 'panall' | 'stream';
const scenario = (process.argv[2] ?? 'pan200') as Scenario;
const throttle = Number(process.argv[3] ?? 1);
const OUT = resolve('.cache/bench-ui-run/profile');


/** The renderer main thread's top-level tasks (µs start, µs duration). */
function topTasks(events: TraceEvent[]): Array<{ ts: number; dur: number }> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const out: Array<{ ts: number; dur: number }> = [];
  let end = -Infinity;
  for (const e of mine) {
    if (e.ts < end) continue;
    out.push({ ts: e.ts, dur: e.dur ?? 0 });
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

/** Self time (ms) per trace event name on the renderer's main thread, largest first. */
function mainThreadSelf(events: TraceEvent[], from = -Infinity, to = Infinity): Array<[string, number]> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events
    .filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const self = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; end: number }> = [];
  for (const e of mine) {
    const end = e.ts + (e.dur ?? 0);
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) self.set(parent.e.name, (self.get(parent.e.name) ?? 0) - (e.dur ?? 0) / 1000);
    self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    stack.push({ e, end });
  }
  return [...self].sort((a, b) => b[1] - a[1]);
}

/** Self and total time (ms) per JavaScript function in a CDP profile, largest first. */
function jsTimes(profile: CpuProfile, from = -Infinity, to = Infinity): { self: Array<[string, number]>; total: Array<[string, number]> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(keyOf(id), (self.get(keyOf(id)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(keyOf(n));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt);
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), total: sorted(total) };
}

async function run(page: Page, cdp: CDPSession): Promise<number> {
  await page.evaluate(`window.grsBench.show(${scenario === 'pan200' ? 200 : 2000})`);
  await page.waitForTimeout(600);
  if (scenario === 'panall') {
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(600);
  } else if (scenario !== 'stream') {
    await page.mouse.move(640, 360);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
  }
  // The previous run is cleared before measuring (unmounting it is not streaming's cost).
  if (scenario === 'stream') await page.evaluate('window.grsBench.stream(20, 0.05)');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate(
    `(() => { window.__frames = 0; const tick = () => { window.__frames += 1; requestAnimationFrame(tick); }; requestAnimationFrame(tick); })()`,
  );
  await cdp.send('Profiler.start');
  if (scenario === 'stream') await page.evaluate('window.grsBench.stream(200, 5)');
  else for (let i = 0; i < 3; i++) await pan(page);
  return (await page.evaluate('window.__frames')) as number;
}

await build({
  root: resolve('.'),
  configFile: resolve('vite.config.ts'),
  logLevel: 'error',
  build: { outDir: OUT, emptyOutDir: true, minify: false, rollupOptions: { input: resolve('bench/ui-run/index.html') } },
});
const server = await preview({
  root: resolve('.'),
  configFile: resolve('vite.config.ts'),
  logLevel: 'error',
  build: { outDir: OUT },
  preview: { port: 0, host: '127.0.0.1' },
});
const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.resolvedUrls?.local[0] ?? ''}bench/ui-run/index.html`);
  await page.waitForFunction('window.grsBench !== undefined');
  await page.evaluate('window.grsBench.show(200)');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'v8'] });
  const framesShown = await run(page, cdp);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  const pct = (xs: Array<[string, number]>, n: number) =>
    xs.slice(0, n).map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${(v / framesShown).toFixed(2).padStart(6)} ms/frame  ${k}`);
  console.log(`${scenario}, throttle ×${throttle}: ${framesShown} frames`);
  console.log('renderer main thread, self time by trace event:');
  console.log(pct(mainThreadSelf(trace.traceEvents), 25).join('\n'));
  const js = jsTimes(profile as CpuProfile);
  const tasks = topTasks(trace.traceEvents);
  const long = tasks.filter((t) => t.dur > 8000).sort((a, b) => b.dur - a.dur);
  console.log(
    `main-thread tasks: ${tasks.length}, over 8 ms: ${long.length}, over 16 ms: ${long.filter((t) => t.dur > 16000).length}, over 33 ms: ${long.filter((t) => t.dur > 33000).length}`,
  );
  const skip =
    /^\((root|program|idle)\)|^(performWorkOnRoot|performWorkUntilDeadline|renderRootSync|workLoopSync|flushSyncWorkAcrossRoots_impl|performSyncWorkOnRoot|beginWork|renderWithHooks|updateFunctionComponent|updateMemo|exports\.useMemo|completeRoot|commitRoot|completeRootWhenReady|processRootScheduleInMicrotask|\(anonymous\)) /;
  const watch =
    /^(ingestRunEvents|useGrsElements|GrsFlow|updateNodeInternals|getBoundingClientRect|draw|ThoughtCard|EdgeLayer|adoptUserNodes|take|flushPassiveEffects|commitRoot|renderRootSync|stream|edgePaths|incrementalLaneLayout|syncEditorView|applyEvents) /;
  for (const t of long.slice(0, 25)) {
    const top = jsTimes(profile as CpuProfile, t.ts, t.ts + t.dur)
      .total.filter(([k]) => (process.env.WATCH ? watch.test(k) : !skip.test(k)))
      .slice(0, 9);
    console.log(`  ${(t.dur / 1000).toFixed(1)} ms: ${top.map(([k, v]) => `${k.split(' ')[0]} ${v.toFixed(1)}`).join(', ')}`);
    const phases = mainThreadSelf(trace.traceEvents, t.ts, t.ts + t.dur).slice(0, 6);
    console.log(`      ${phases.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  }
  console.log('JavaScript self time by function:');
  console.log(pct(js.self, 30).join('\n'));
  console.log('JavaScript total time by function:');
  console.log(pct(js.total, 40).join('\n'));
} finally {
  await browser.close();
  await server.close();
}
