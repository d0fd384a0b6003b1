// Live-run view benchmark (Chromium): the thoughts (GRS) canvas alone on a page (bench/ui-run/, built for production),
// measured side by side in one run: time to show a finished 200- and 2,000-thought GRS, frame
// times idle and while panning each, and frame times while a run streams 200 thoughts per second.
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';

const PORT = 5196;
const OUT = '.cache/bench-ui-run';

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (${xs.length} frames)`;

/** Frame durations (ms) while `action` runs, sampled with requestAnimationFrame in the page. */
async function frames(page: Page, action: () => Promise<unknown>): Promise<number[]> {
  // A string, not a function: tsx's helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__sampling = true;
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__sampling) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await action();
  return page.evaluate<number[]>('(() => { window.__sampling = false; return window.__frames.slice(1); })()');
}

async function pan(page: Page): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 200, pane.y + 200);
  await page.mouse.down();
  for (let i = 0; i < 90; i++) await page.mouse.move(pane.x + 200 + (i % 30) * 12, pane.y + 200 + (i % 45) * 6);
  await page.mouse.up();
}

async function showAndPan(page: Page, n: number): Promise<{ showMs: number; idle: number[]; pan: number[]; panAll: number[] }> {
  const showMs = (await page.evaluate(`window.grsBench.show(${n})`)) as number;
  await page.waitForTimeout(600);
  const idle = await frames(page, () => page.waitForTimeout(1000));
  // Zoom in so cards are legible while panning, as a user reading them would.
  await page.mouse.move(640, 360);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  const panned = await frames(page, () => pan(page));
  // Then the worst case: every card on screen at once (Controls' "fit view").
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(600);
  return { showMs, idle, pan: panned, panAll: await frames(page, () => pan(page)) };
}

/** Runs the live-run view benchmark and returns the lines to print. */
export async function benchRun(): Promise<string[]> {
  // A production build: React's development checks would dominate the figures otherwise.
  await build({ logLevel: 'error', build: { outDir: OUT, emptyOutDir: true, rollupOptions: { input: 'bench/ui-run/index.html' } } });
  const server = await preview({ build: { outDir: OUT }, preview: { port: PORT, strictPort: true }, logLevel: 'error' });
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`http://localhost:${PORT}/bench/ui-run/index.html`);
    await page.waitForFunction('window.grsBench !== undefined', null, { timeout: 60_000 });
    await page.evaluate('window.grsBench.show(200)'); // warm-up: module transforms and JIT
    const small = await showAndPan(page, 200);
    const large = await showAndPan(page, 2000);
    let shown = 0;
    const stream = await frames(page, async () => {
      shown = (await page.evaluate('window.grsBench.stream(200, 5)')) as number;
    });
    return [
      `200 thoughts:   shown in ${small.showMs.toFixed(0)} ms; idle ${fmt(small.idle)}; panning ${fmt(small.pan)}`,
      `2,000 thoughts: shown in ${large.showMs.toFixed(0)} ms; idle ${fmt(large.idle)}; panning ${fmt(large.pan)}`,
      `2,000 thoughts, all on screen (fit view, block cards, highlighted edges only): panning ${fmt(large.panAll)}`,
      `streaming 200 thoughts/s for 5 s (${shown} thoughts, tokens batched per frame): ${fmt(stream)}`,
      `2,000 vs 200 thoughts: show ×${(large.showMs / small.showMs).toFixed(2)}, pan p95 ×${(percentile(large.pan, 95) / percentile(small.pan, 95)).toFixed(2)}; streaming p95 vs idle 200-thought p95 ×${(percentile(stream, 95) / percentile(small.idle, 95)).toFixed(2)}`,
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
