// Live-run view benchmark (Chromium): the thoughts (GRS) canvas alone on a page (bench/ui-run/, built for production),
// measured side by side in one run for this checkout ("now") and a baseline commit ("before": main before the paced
// view, the SVG edge layer and the copied overview canvas; BENCH_BASE=<commit> picks another), both driven by this
// checkout's harness: time to show a finished 200- and 2,000-thought GRS, frame times idle and while panning each, and
// what a user meets with 2,000 thoughts: (a) the view Fit gives (now one summary block a lane of 200), panned; (b) the
// densest screen (200 lanes of 10, each thought a pill, at the least zoom), panned; (c) a run streaming 200 thoughts
// per second, the camera following it. (a), (b) and (c): three passes each, each judged. Frame times are whole 60 Hz
// frames (16.7 ms steps), so each scenario also prints the main thread's CPU time per frame (CDP Performance metrics in
// thread time, so other processes' load does not count), and (a), (b) and (c) are run again with the page's CPU
// throttled (CDP Emulation.setCPUThrottlingRate) and judged against the same targets.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { pan } from './ui-run/pan';
import { FAR_MIN_ZOOM } from '../src/ui/thoughts/layout/pillLayout';

/** Main before issue 8's performance work (paced view updates, one SVG edge layer, the overview canvas copied on pan). */
const DEFAULT_BASE = '6903789';
const OUT = '.cache/bench-ui-run';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} frames)`;

/** Main-thread CPU time (ms) a stretch of frames took, by kind; `process` is the whole renderer's (compositor and raster threads too). */
interface Cpu {
  busy: number;
  script: number;
  styleLayout: number;
  process: number;
}

/** One measured stretch: frame durations (ms) sampled with requestAnimationFrame, and the CPU they took. */
interface Sample {
  frames: number[];
  cpu: Cpu;
}

/** The renderer's counters now (CDP Performance, in thread time: time the main thread ran, not time it waited for a core). */
async function counters(cdp: CDPSession): Promise<Cpu> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = (name: string) => (metrics.find((x) => x.name === name)?.value ?? 0) * 1000;
  // The bench's own CDP commands (page.evaluate, mouse events) are not the page's work.
  return {
    busy: m('TaskDuration') - m('DevToolsCommandDuration'),
    script: m('ScriptDuration'),
    styleLayout: m('RecalcStyleDuration') + m('LayoutDuration'),
    process: m('ProcessTime'),
  };
}

/** Frame durations and CPU time while `action` runs. */
async function frames(page: Page, cdp: CDPSession, action: () => Promise<unknown>): Promise<Sample> {
  // A string, not a function: tsx's helpers do not exist in the page. Each stretch stops the previous one's loop
  // (a loop still waiting for its last frame would otherwise keep sampling into the next stretch).
  await page.evaluate(`(() => {
    const run = (window.__run ?? 0) + 1;
    window.__run = run;
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { if (window.__run !== run) return; window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const c0 = await counters(cdp);
  await action();
  const c1 = await counters(cdp);
  const list = await page.evaluate<number[]>('(() => { window.__run += 1; return window.__frames.slice(1); })()');
  const d = (k: keyof Cpu) => c1[k] - c0[k];
  return { frames: list, cpu: { busy: d('busy'), script: d('script'), styleLayout: d('styleLayout'), process: d('process') } };
}

interface Figures {
  showMs: number;
  idle: Sample;
  pan: Sample;
  /** Panning at 100% zoom around the graph's centre, the same view in both versions; with the cards it showed. */
  pan100: Sample;
  cards100: number;
  /** Cards on screen while panning `pan` (after three wheel steps from where each version's camera put the view). */
  cardsZoomed: number;
  /** One sample per pass. */
  panAll: Sample[];
  /** What the fit drew. */
  fitDrawn: Drawn;
}

/** Targets of issue 8 (p95 per frame, ms). */
const PAN_TARGET = 20;
const STREAM_TARGET = 33.4;
const PASSES = 3;
/**
 * The throttled pass slows the page's main thread 4×: about the share of a core the page gets at load average 7 on
 * this 2-core machine (2/7 ≈ 1/3.5), the top of the 4–7 the issue was measured under, and DevTools' "mid-tier mobile".
 */
const THROTTLE = 4;

async function showAndPan(page: Page, cdp: CDPSession, n: number): Promise<Figures> {
  const showMs = (await page.evaluate(`window.grsBench.show(${n})`)) as number;
  await page.waitForTimeout(600);
  const idle = await frames(page, cdp, () => page.waitForTimeout(1000));
  // Zoom in so cards are legible while panning, as a user reading them would.
  await page.mouse.move(640, 360);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  const cardsZoomed = await cardsShown(page);
  const panned = await frames(page, cdp, () => pan(page));
  // Like for like: the two versions' cameras frame a run differently (the zoomed-in view above shows other cards), so
  // the whole graph fitted, then zoomed to exactly 100% around the pane's centre.
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(600);
  await zoomTo(page, 1);
  const cards100 = await cardsShown(page);
  const pan100 = await frames(page, cdp, () => pan(page));
  // Last, so the next scenario starts from the whole graph fitted, as it always has.
  const fit = await panAllPasses(page, cdp);
  return { showMs, idle, pan: panned, panAll: fit.passes, fitDrawn: fit.drawn, pan100, cards100, cardsZoomed };
}

const cardsShown = (page: Page) => page.locator('.react-flow__node-thought').count();
const zoomOf = async (page: Page) =>
  Number(/scale\(([\d.]+)\)/.exec((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '')?.[1] ?? 1);

/** Zooms to `k` around the pane's centre with one wheel event (React Flow scales by 2^(-deltaY × 0.002) per event). */
async function zoomTo(page: Page, k: number): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
  for (let i = 0; i < 3; i += 1) {
    const now = await zoomOf(page);
    if (Math.abs(now / k - 1) < 0.01) break;
    await page.mouse.wheel(0, -Math.log2(k / now) / 0.002);
    await page.waitForTimeout(300);
  }
  await page.waitForTimeout(300);
}

/** What the harness says is on screen: DOM cards, and the far level's blocks by kind (null: the build has no canvas hook). */
interface Drawn {
  cards: number;
  blocks: Record<string, number> | null;
}
const drawnNow = (page: Page) => page.evaluate('window.grsBench.drawn()') as Promise<Drawn>;
const drawnText = (d: Drawn) =>
  d.blocks
    ? `${Object.entries(d.blocks)
        .map(([k, n]) => `${n} ${k === 'thought' ? 'pill' : `${k} block`}${n === 1 ? '' : 's'}`)
        .join(', ')} on the canvas${d.cards ? ` + ${d.cards} cards` : ''}`
    : d.cards
      ? `${d.cards} DOM cards`
      : 'a canvas with no count hook (every thought on screen drawn)';

/** The whole graph fitted (Controls' "fit view"), panned PASSES times; with what the fit drew. */
async function panAllPasses(page: Page, cdp: CDPSession): Promise<{ passes: Sample[]; drawn: Drawn }> {
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(600);
  const drawn = await drawnNow(page);
  const passes: Sample[] = [];
  for (let i = 0; i < PASSES; i += 1) passes.push(await frames(page, cdp, () => pan(page)));
  return { passes, drawn };
}

/**
 * The densest screen a user reaches: 2,000 thoughts in 200 lanes of 10 (each under the far level's summary threshold,
 * so each thought is its own pill), fitted, zoomed in to 100% (cards; a fit's folded columns open again) and out to the
 * least zoom now allowed, then panned PASSES times; with what is drawn and the zoom reached.
 */
async function densestPasses(page: Page, cdp: CDPSession): Promise<{ passes: Sample[]; drawn: Drawn; zoom: number }> {
  await page.evaluate("window.grsBench.show(2000, 'dense')");
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(600);
  await zoomTo(page, 1);
  await zoomTo(page, FAR_MIN_ZOOM);
  const drawn = await drawnNow(page);
  const zoom = await zoomOf(page);
  const passes: Sample[] = [];
  for (let i = 0; i < PASSES; i += 1) passes.push(await frames(page, cdp, () => pan(page)));
  return { passes, drawn, zoom };
}

/** PASSES runs streaming 200 thoughts per second for 5 s; returns them and the thoughts the last one showed. */
async function streamPasses(page: Page, cdp: CDPSession, label: string): Promise<{ stream: Sample[]; shown: number; end: Drawn; zoom: number; mounted: number[] }> {
  let shown = 0;
  const stream: Sample[] = [];
  const mounted: number[] = [];
  for (let i = 0; i < PASSES; i += 1) {
    // A one-thought run first, so unmounting the previous run's cards is not counted as streaming's cost.
    await page.evaluate('window.grsBench.stream(20, 0.05)');
    await page.waitForTimeout(300);
    stream.push(
      await frames(page, cdp, async () => {
        shown = (await page.evaluate('window.grsBench.stream(200, 5)')) as number;
      }),
    );
    mounted.push((await page.evaluate('window.grsBench.mounted()')) as number);
    step(`${label}stream ${i + 1} done`);
  }
  // Where the camera left the last run: a new run id (the harness clears the run first) lets it follow the newest thoughts.
  return { stream, shown, end: await drawnNow(page), zoom: await zoomOf(page), mounted };
}

/** Builds one checkout's harness (sources under `root`) for production and serves it on a free port. */
async function serve(root: string, outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const config = { root, configFile: resolve('vite.config.ts'), logLevel: 'error' as const };
  // A production build: React's development checks would dominate the figures otherwise.
  await build({
    ...config,
    build: { outDir: resolve(outDir), emptyOutDir: true, rollupOptions: { input: resolve(root, 'bench/ui-run/index.html') } },
  });
  const server = await preview({
    ...config,
    build: { outDir: resolve(outDir) },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const base = server.resolvedUrls?.local[0] ?? '';
  return { server, url: `${base}bench/ui-run/index.html` };
}

/** The baseline's sources (src/) as they were at `ref`, unpacked under .cache, with this checkout's harness: both versions driven alike, with the same synthetic runs. */
function checkoutBaseline(ref: string): string {
  const dir = '.cache/bench-baseline/';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', ref, 'src'], { maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  cpSync('bench/ui-run', `${dir}bench/ui-run`, { recursive: true });
  return dir;
}

/** Progress on stderr: on a loaded machine a side-by-side run takes many minutes. */
const step = (what: string) => process.stderr.write(`  [ui-run] ${new Date().toISOString().slice(11, 19)} ${what}\n`);

async function measure(browser: Browser, url: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // A step stuck for minutes fails the bench with its name instead of hanging it.
  page.setDefaultTimeout(180_000);
  step(`measuring ${url}`);
  try {
    await page.goto(url);
    await page.waitForFunction('window.grsBench !== undefined', null, { timeout: 60_000 });
    await page.evaluate('window.grsBench.show(200)'); // warm-up: module transforms and JIT
    const small = await showAndPan(page, cdp, 200);
    step('200 thoughts done');
    const large = await showAndPan(page, cdp, 2000);
    step('2,000 thoughts done');
    const dense = await densestPasses(page, cdp);
    step('densest screen done');
    // Back to the deep run fitted, where the stream has always been drawn.
    await page.evaluate('window.grsBench.show(2000)');
    // Each stream starts from the whole graph fitted; the camera then follows it as in the app (each stream is a new run).
    await page.locator('.react-flow__controls-fitview').click();
    const { stream, shown, end: streamEnd, zoom: streamZoom, mounted } = await streamPasses(page, cdp, '');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.evaluate('window.grsBench.show(2000)');
    const slowPanAll = (await panAllPasses(page, cdp)).passes;
    step(`throttled ×${THROTTLE}: 2,000 thoughts fitted, panned`);
    const slowDense = (await densestPasses(page, cdp)).passes;
    step(`throttled ×${THROTTLE}: densest screen panned`);
    const slow = await streamPasses(page, cdp, `throttled ×${THROTTLE}: `);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return { small, large, dense, stream, shown, streamEnd, streamZoom, mounted, slowPanAll, slowDense, slowStream: slow.stream, slowMounted: slow.mounted };
  } finally {
    await page.close();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;
const pooled = (xs: Sample[]): Sample => ({
  frames: xs.flatMap((x) => x.frames),
  cpu: { busy: sum(xs, 'busy'), script: sum(xs, 'script'), styleLayout: sum(xs, 'styleLayout'), process: sum(xs, 'process') },
});
const sum = (xs: Sample[], k: keyof Cpu) => xs.reduce((n, x) => n + x.cpu[k], 0);

/** Main-thread CPU per frame (ms), split into script, style + layout and the rest (paint, React Flow's DOM work, GC…), and the renderer's. */
const cpuLine = ({ frames: f, cpu }: Sample) => {
  const per = (x: number) => (x / Math.max(1, f.length)).toFixed(2);
  return `main thread ${per(cpu.busy)} ms/frame (script ${per(cpu.script)}, style+layout ${per(cpu.styleLayout)}, other ${per(cpu.busy - cpu.script - cpu.styleLayout)}); renderer ${per(cpu.process)} ms/frame`;
};

/** Runs the live-run view benchmark and returns the lines to print. */
export async function benchRun(): Promise<string[]> {
  const ref = process.env.BENCH_BASE ?? DEFAULT_BASE;
  const now = await serve(resolve('.'), `${OUT}/now`);
  const before = await serve(resolve(checkoutBaseline(ref)), `${OUT}/before`);
  step(`built both: ${before.url} and ${now.url}`);
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  try {
    const b = await measure(browser, before.url);
    const n = await measure(browser, now.url);
    const tag = `before (${ref}):`.padEnd(18);
    const side = (label: string, pick: (m: Measured) => Sample) => [
      `${label}`,
      `  ${tag} ${fmt(pick(b).frames)}`,
      `  now:${' '.repeat(15)}${fmt(pick(n).frames)}`,
      `    CPU before: ${cpuLine(pick(b))}`,
      `    CPU now:    ${cpuLine(pick(n))}`,
    ];
    const ratio = (pick: (m: Measured) => Sample) => (percentile(pick(b).frames, 95) / percentile(pick(n).frames, 95)).toFixed(2);
    const cpuRatio = (pick: (m: Measured) => Sample) => {
      const per = (s: Sample) => s.cpu.busy / Math.max(1, s.frames.length);
      return (per(pick(b)) / per(pick(n))).toFixed(2);
    };
    const passes = (label: string, target: number, pick: (m: Measured) => Sample[]) => {
      const p95 = (m: Measured) => pick(m).map((x) => percentile(x.frames, 95));
      const line = (m: Measured) =>
        p95(m)
          .map((x) => x.toFixed(1))
          .join(' / ');
      const met = p95(n).filter((x) => x <= target).length;
      return [
        `${label} p95 per pass (target ≤ ${Math.floor(target)} ms every pass${target > 33 ? '; 33.3 ms = two 60 Hz frames counts as 33' : ''})`,
        `  ${tag} ${line(b)}`,
        `  now:${' '.repeat(15)}${line(n)}  → ${met} of ${PASSES} passes within target`,
      ];
    };
    // (a) What Fit shows for 2,000 thoughts in 10 lanes of 200: before, every thought as a block; now, one summary block a lane.
    const fitLabel = (what: string) =>
      `(a) 2,000 thoughts (10 lanes of 200) as Fit shows them [before: ${drawnText(b.large.fitDrawn)}, 2,000 blocks; now: ${drawnText(n.large.fitDrawn)}], ${what}:`;
    // (b) The densest screen now reachable: every lane under the summary threshold, at the least zoom now allowed (before: the same zoom).
    const denseLabel = (what: string) =>
      `(b) densest screen: 2,000 thoughts in 200 lanes of 10 at zoom ${n.dense.zoom.toFixed(3)} (the least now; before at ${b.dense.zoom.toFixed(3)}) [before: ${drawnText(b.dense.drawn)}; now: ${drawnText(n.dense.drawn)}], ${what}:`;
    const streamLabel = (what: string) =>
      `(c) ${what} 200 thoughts/s for 5 s (${b.shown} / ${n.shown} thoughts, tokens batched per frame; runs pooled; at the end the camera showed [before: ${drawnText(b.streamEnd)} at zoom ${b.streamZoom.toFixed(2)}; now: ${drawnText(n.streamEnd)} at zoom ${n.streamZoom.toFixed(2)}]):`;
    return [
      `shown in: 200 thoughts ${b.small.showMs.toFixed(0)} → ${n.small.showMs.toFixed(0)} ms; 2,000 thoughts ${b.large.showMs.toFixed(0)} → ${n.large.showMs.toFixed(0)} ms (before → now)`,
      ...side(
        `200 thoughts, panning zoomed in (three wheel steps from each camera's view: ${b.small.cardsZoomed} / ${n.small.cardsZoomed} cards on screen):`,
        (m) => m.small.pan,
      ),
      ...side(
        `200 thoughts, panning at 100% zoom around the graph's centre (like for like; ${b.small.cards100} / ${n.small.cards100} cards on screen):`,
        (m) => m.small.pan100,
      ),
      ...side('2,000 thoughts, idle:', (m) => m.large.idle),
      ...side(
        `2,000 thoughts, panning zoomed in (${b.large.cardsZoomed} / ${n.large.cardsZoomed} cards on screen; 0 = the overview canvas):`,
        (m) => m.large.pan,
      ),
      ...side(
        `2,000 thoughts, panning at 100% zoom around the graph's centre (like for like; ${b.large.cards100} / ${n.large.cards100} cards on screen):`,
        (m) => m.large.pan100,
      ),
      ...side(fitLabel('panning (passes pooled)'), (m) => pooled(m.large.panAll)),
      ...passes(fitLabel('panning'), PAN_TARGET, (m) => m.large.panAll),
      ...side(denseLabel('panning (passes pooled)'), (m) => pooled(m.dense.passes)),
      ...passes(denseLabel('panning'), PAN_TARGET, (m) => m.dense.passes),
      ...side(streamLabel('streaming'), (m) => pooled(m.stream)),
      ...passes('streaming 200 thoughts/s:', STREAM_TARGET, (m) => m.stream),
      `  thought cards mounted per pass (each new card put in the DOM; ${b.shown} / ${n.shown} thoughts streamed): before ${b.mounted.join(' / ')}; now ${n.mounted.join(' / ')}`,
      `p95 before ÷ now: (a) fitted panning ×${ratio((m) => pooled(m.large.panAll))}, (b) densest screen panning ×${ratio((m) => pooled(m.dense.passes))}, (c) streaming ×${ratio((m) => pooled(m.stream))}, 2,000 zoomed-in panning ×${ratio((m) => m.large.pan)}`,
      `main-thread CPU per frame before ÷ now: 200 zoomed-in panning ×${cpuRatio((m) => m.small.pan)}, (a) fitted panning ×${cpuRatio((m) => pooled(m.large.panAll))}, (b) densest screen panning ×${cpuRatio((m) => pooled(m.dense.passes))}, (c) streaming ×${cpuRatio((m) => pooled(m.stream))}`,
      `-- CPU throttled ×${THROTTLE} (CDP Emulation.setCPUThrottlingRate), same targets --`,
      ...side(`throttled ×${THROTTLE}, ${fitLabel('panning (passes pooled)')}`, (m) => pooled(m.slowPanAll)),
      ...passes(`throttled ×${THROTTLE}, ${fitLabel('panning')}`, PAN_TARGET, (m) => m.slowPanAll),
      ...side(`throttled ×${THROTTLE}, ${denseLabel('panning (passes pooled)')}`, (m) => pooled(m.slowDense)),
      ...passes(`throttled ×${THROTTLE}, ${denseLabel('panning')}`, PAN_TARGET, (m) => m.slowDense),
      ...side(streamLabel(`throttled ×${THROTTLE}, streaming`), (m) => pooled(m.slowStream)),
      ...passes(`throttled ×${THROTTLE}, streaming 200 thoughts/s:`, STREAM_TARGET, (m) => m.slowStream),
      `  thought cards mounted per pass: before ${b.slowMounted.join(' / ')}; now ${n.slowMounted.join(' / ')}`,
    ];
  } finally {
    await browser.close();
    await now.server.close();
    await before.server.close();
  }
}
