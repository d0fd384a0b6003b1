// What the live-run view does frame by frame while a run streams: `npx tsx bench/ui-run/streamProbe.ts [throttle]`
// streams 200 thoughts/s three times (as the live-run bench does, from the 2,000-thought run fitted) on a production
// build and prints, per pass, the main thread's CPU per frame, p95 frame time, the long frames (with the zoom and the
// node kinds mounted then: l lane, e edge layer, t thought card, p pending call, s stack) and in how many frames one
// of the newest thoughts was on screen (the camera following the run).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type CDPSession } from '@playwright/test';
import { build, preview } from 'vite';

const throttle = Number(process.argv[2] ?? 4);
const OUT = resolve('.cache/bench-ui-run/stream-probe');
/** How many of the newest thoughts count as "the newest" on screen. */
const NEWEST = 20;

/** Per frame: its duration (ms), the zoom, the node kinds in the DOM, thoughts in the run, and which of the newest is on screen (0 = the newest, -1 = none). */
type Frame = [number, number, string, number, number];

/** Main-thread busy and script time so far (ms, thread time). */
async function cpu(cdp: CDPSession): Promise<{ busy: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (n: string) => (metrics.find((x) => x.name === n)?.value ?? 0) * 1000;
  return { busy: m('TaskDuration') - m('DevToolsCommandDuration'), script: m('ScriptDuration') };
}

// A string, not a function: tsx's helpers do not exist in the page.
const startLog = `(() => {
  const run = (window.__probe ?? 0) + 1;
  window.__probe = run;
  window.__log = [];
  let last = performance.now();
  const tick = (t) => {
    if (window.__probe !== run) return;
    const canvas = document.querySelector('[data-testid=grs-canvas]');
    const z = Number(/scale\\(([\\d.]+)\\)/.exec(document.querySelector('.react-flow__viewport')?.getAttribute('style') ?? '')?.[1] ?? 0);
    const kinds = [...document.querySelectorAll('.react-flow__node')].map((n) => /react-flow__node-(\\w)/.exec(n.className)?.[1] ?? '?').join('');
    const count = Number(canvas?.dataset.thoughts ?? 0);
    let newest = -1;
    for (let k = 0; k < ${NEWEST} && newest < 0; k += 1) if (document.querySelector('.react-flow__node[data-id="t' + (count - 2 - k) + '"]')) newest = k;
    window.__log.push([t - last, z, kinds, count, newest]);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

await build({
  root: resolve('.'),
  configFile: resolve('vite.config.ts'),
  logLevel: 'error',
  build: { outDir: OUT, emptyOutDir: true, rollupOptions: { input: resolve('bench/ui-run/index.html') } },
});
const server = await preview({ root: resolve('.'), configFile: resolve('vite.config.ts'), logLevel: 'error', build: { outDir: OUT }, preview: { port: 0, host: '127.0.0.1' } });
const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(`${server.resolvedUrls?.local[0] ?? ''}bench/ui-run/index.html`);
  await page.waitForFunction('window.grsBench !== undefined');
  await page.evaluate('window.grsBench.show(200)');
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate('window.grsBench.show(2000)');
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(600);
  for (let pass = 1; pass <= 3; pass += 1) {
    await page.evaluate('window.grsBench.stream(20, 0.05)');
    await page.waitForTimeout(300);
    await page.evaluate(startLog);
    const c0 = await cpu(cdp);
    await page.evaluate('window.grsBench.stream(200, 5)');
    const c1 = await cpu(cdp);
    const log = (await page.evaluate('(() => { window.__probe += 1; return window.__log.slice(1); })()')) as Frame[];
    const times = log.map((f) => f[0]).sort((a, b) => a - b);
    const per = (x: number) => (x / Math.max(1, log.length)).toFixed(2);
    const onScreen = log.filter((f) => f[4] >= 0).length;
    console.log(
      `pass ${pass} (throttle ×${throttle}): ${log.length} frames, p95 ${times[Math.floor(0.95 * times.length)]?.toFixed(1)} ms; main thread ${per(c1.busy - c0.busy)} ms/frame (script ${per(c1.script - c0.script)}); ` +
        `one of the ${NEWEST} newest thoughts on screen in ${onScreen} of ${log.length} frames`,
    );
    for (const [ms, zoom, kinds, count] of log.filter((f) => f[0] > 34)) console.log(`  ${ms.toFixed(0)} ms at zoom ${zoom.toFixed(2)}, ${count} thoughts, nodes ${kinds || '(none)'}`);
  }
} finally {
  await browser.close();
  await server.close();
}
