// The main thread of the page during the app's first run, task by task, from a Chromium performance trace: each task over
// MIN_MS with what it spent its time on (script, style, layout, paint, …), next to the run's requests (sent, last byte in
// the browser, read by the page). Run: `npx tsx bench/firstRunTrace.ts` (LATENCY=ms, TLS=0, MIN_MS=1, RUNS=1, EXAMPLE=name, HOPS=n).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CLICK_TO_DONE, READ_REQUESTS, WATCH_FETCH, waitForDone, type PageRequest } from './appColdStart';
import { openExampleOnServer } from './appModel';
import { KNOWN_HOPS } from './bound';
import { startSimulatorProcess } from './models';
import type { TraceEvent } from './traceEvent';

const LATENCY = Number(process.env.LATENCY ?? 50);
const MIN_MS = Number(process.env.MIN_MS ?? 1);
const DIST = process.env.DIST;
/** The example run (EXAMPLE=name), and its critical path in calls. */
const EXAMPLE = process.env.EXAMPLE ?? 'sorting-128-got';
const HOPS = Number(process.env.HOPS ?? KNOWN_HOPS[EXAMPLE] ?? Number.NaN);


// What a task's time went to, by the trace event names Chromium uses.
const KINDS: Array<[string, RegExp]> = [
  ['script', /^(FunctionCall|EvaluateScript|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.run)$/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)$/],
  ['layout', /^(Layout|UpdateLayout)$/],
  ['resize-obs', /^ResizeObserver/],
  ['prepaint', /^(PrePaint)$/],
  ['paint', /^(Paint|PaintImage|UpdateLayer|UpdateLayerTree)$/],
  ['layerize', /^(Layerize|CommitLayerTree|Commit)$/],
  ['gc', /^(MajorGC|MinorGC|V8\.GC\w*|BlinkGC\.\w+)$/],
];

async function main(): Promise<void> {
  const outDir = DIST ?? mkdtempSync(join(tmpdir(), 'got-first-run-trace-'));
  if (!DIST) await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir }, logLevel: 'error' });
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  const sim = await startSimulatorProcess(LATENCY, { tls: process.env.TLS !== '0' });
  try {
    for (let r = 0; r < Number(process.env.RUNS ?? 1); r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.addInitScript(WATCH_FETCH);
      await openExampleOnServer(page, server.resolvedUrls?.local[0] ?? '', EXAMPLE, sim.url);
      await page.evaluate(CLICK_TO_DONE);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
      // Ties the trace clock to the page clock.
      const mark = (await page.evaluate(`(() => { const t = performance.now(); console.timeStamp('gotMark'); return t; })()`)) as number;
      await page.getByTestId('run-start').click();
      await waitForDone(page);
      const buf = await browser.stopTracing();
      const [click, done] = (await page.evaluate('[window.__clickAt, window.__doneAt]')) as [number, number];
      const reqs = (await page.evaluate(READ_REQUESTS)) as PageRequest[];
      await context.close();
      const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
      const markEv = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'gotMark');
      if (!markEv) throw new Error('no marker in the trace');
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === markEv.pid);
      const at = (ts: number) => ts / 1000 - markEv.ts / 1000 + mark - click;
      const onMain = events.filter(
        (e) => e.pid === markEv.pid && e.tid === (main?.tid ?? markEv.tid) && e.ph === 'X' && e.dur !== undefined,
      );
      const tasks = onMain
        .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
        .filter((e) => at(e.ts) > -5 && at(e.ts) < done - click + 5);
      const marks: Array<[number, string]> = [];
      reqs.forEach((q, i) => {
        marks.push(
          [q.start - click, `fetch #${i}`],
          [q.sent - click, `  sent #${i}`],
          [q.netEnd - click, `  last byte #${i} in browser`],
          [q.jsEnd - click, `  read #${i}`],
        );
      });
      marks.push([done - click, 'DONE shown']);
      const lines: Array<[number, string]> = [...marks];
      let busy = 0;
      for (const t of tasks) {
        const ms = t.dur! / 1000;
        busy += ms;
        if (ms < MIN_MS) continue;
        const end = t.ts + t.dur!;
        const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= end);
        const byKind = new Map<string, number>();
        for (const [kind, re] of KINDS) {
          // Only the outermost events of a kind count (nested ones are already inside).
          const own = inside.filter((e) => re.test(e.name));
          const outer = own.filter(
            (e) =>
              !own.some(
                (o) =>
                  o !== e &&
                  o.ts <= e.ts &&
                  o.ts + o.dur! >= e.ts + e.dur! &&
                  !(o.ts === e.ts && o.dur === e.dur && own.indexOf(o) > own.indexOf(e)),
              ),
          );
          const sum = outer.reduce((s, e) => s + e.dur! / 1000, 0);
          if (sum >= 0.2) byKind.set(kind, sum);
        }
        const fnNames = inside
          .filter(
            (e) => e.name === 'FunctionCall' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'EventDispatch',
          )
          .slice(0, 2)
          .map((e) => e.name)
          .join('+');
        lines.push([
          at(t.ts),
          `task ${ms.toFixed(1)} ms → ${at(end).toFixed(1)}: ${[...byKind].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} ${fnNames ? `(${fnNames})` : ''}`,
        ]);
      }
      lines.sort((a, b) => a[0] - b[0]);
      console.log(
        `run ${r + 1}: click → done ${(done - click).toFixed(0)} ms ${Number.isFinite(HOPS) ? `(÷ ${HOPS} × ${LATENCY} = ${((done - click) / (HOPS * LATENCY)).toFixed(3)})` : '(HOPS=n for its ratio)'}; main thread in tasks ${busy.toFixed(0)} ms; load ${loadavg()[0]!.toFixed(1)}`,
      );
      for (const [t, s] of lines) console.log(`${t.toFixed(1).padStart(7)}  ${s}`);
    }
  } finally {
    sim.child.kill();
    await browser.close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
    if (!DIST) rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
