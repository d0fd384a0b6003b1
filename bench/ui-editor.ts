// Editor benchmark (Chromium): a generated Graph of Operations loads and stays responsive. Opens a
// 30- and a 300-operation graph side by side through share links on a Vite server, and samples
// frame times with requestAnimationFrame while panning the canvas and while dragging a node.
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { createServer } from 'vite';
import type { GotDocument } from '../src/engine/index';
import { addOperation, connect, emptyDocument, setParam } from '../src/ui/document/graphEdits';
import { encodeShareHash } from '../src/ui/files/shareLink';

/** The port tried first; the next free one is taken when it is busy (another bench or dev server). */
const PORT = 5197;

/** A layered graph of `n` operations: generate → score → keep best, chains that merge every few steps. */
export function generatedGraph(n: number): GotDocument {
  let doc = emptyDocument(`Generated ${n} operations`);
  const types = ['generate', 'score', 'keepBestN'] as const;
  const ids: string[] = [];
  const perRow = 12;
  for (let i = 0; i < n; i++) {
    const type = types[i % 3]!;
    const r = addOperation(doc, type, { x: (i % perRow) * 280, y: Math.floor(i / perRow) * 160 });
    doc = r.doc;
    if (type === 'generate') doc = setParam(doc, r.id, 'prompt', 'Improve {{current}}');
    if (type === 'score') doc = setParam(doc, r.id, 'scorer', { kind: 'function', name: 'sorting.error' });
    const prev = ids[i - 1];
    if (prev && i % perRow !== 0) {
      const c = connect(doc, prev, r.id);
      if (c.ok) doc = c.doc;
    }
    const above = ids[i - perRow];
    if (above && i % 5 === 0) {
      const c = connect(doc, above, r.id);
      if (c.ok) doc = c.doc;
    }
    ids.push(r.id);
  }
  return { ...doc, input: { current: [3, 1, 2] } };
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

/** Frame durations (ms) while `action` runs, sampled with requestAnimationFrame in the page. */
async function frames(page: Page, action: () => Promise<void>): Promise<number[]> {
  // A string, not a function: tsx's helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__sampling = true;
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__sampling) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await action();
  return page.evaluate<number[]>('(() => { window.__sampling = false; return window.__frames.slice(1); })()');
}

interface Result {
  ops: number;
  loadMs: number;
  pan: number[];
  drag: number[];
}

async function measure(page: Page, base: string, n: number): Promise<Result> {
  const doc = generatedGraph(n);
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(`${base}${encodeShareHash(doc)}`);
  await page.locator('[data-testid=canvas] .react-flow__node-operation').first().waitFor();
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const loadMs = Date.now() - started;
  // A large graph opens at a readable zoom from its input; fit it whole, the heaviest view to pan.
  await page.keyboard.press('Shift+1');
  await page.waitForTimeout(300);
  const pane = (await page.locator('[data-testid=canvas] .react-flow__pane').boundingBox())!;
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  await page.mouse.move(cx, cy);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const pan = await frames(page, async () => {
    await page.mouse.move(pane.x + 40, pane.y + 40);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(pane.x + 40 + i * 6, pane.y + 40 + (i % 20) * 8);
    await page.mouse.up();
  });
  // Drag a node that is on screen (after panning, the first node may not be).
  const box = await page.evaluate<{ x: number; y: number }>(`(() => {
    const pane = document.querySelector('[data-testid=canvas] .react-flow__pane').getBoundingClientRect();
    const nodes = [...document.querySelectorAll('[data-testid=canvas] .react-flow__node-operation')].map((n) => n.getBoundingClientRect());
    const r = nodes.find((b) => b.left > pane.left + 20 && b.top > pane.top + 20 && b.right < pane.right - 280 && b.bottom < pane.bottom - 100) ?? nodes[0];
    return { x: r.left, y: r.top };
  })()`);
  const drag = await frames(page, async () => {
    await page.mouse.move(box.x + 20, box.y + 12);
    await page.mouse.down();
    for (let i = 0; i < 60; i++) await page.mouse.move(box.x + 20 + i * 4, box.y + 12 + (i % 15) * 5);
    await page.mouse.up();
  });
  return { ops: n, loadMs, pan, drag };
}

const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms (${xs.length} frames)`;

/** Runs the editor benchmark and returns the lines to print. */
export async function benchEditor(): Promise<string[]> {
  const server = await createServer({ server: { port: PORT, strictPort: false, hmr: false }, logLevel: 'error' });
  await server.listen();
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error('the Vite dev server has no local URL');
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await measure(page, base, 30); // warm-up: Vite transforms modules on first load
    const small = await measure(page, base, 30);
    const large = await measure(page, base, 300);
    const lines = [small, large].flatMap((r) => [`${r.ops} operations: load ${r.loadMs} ms`, `  panning:       ${fmt(r.pan)}`, `  dragging node: ${fmt(r.drag)}`]);
    lines.push(`300 vs 30 operations: load ×${(large.loadMs / small.loadMs).toFixed(2)}, pan p95 ×${(percentile(large.pan, 95) / percentile(small.pan, 95)).toFixed(2)}, drag p95 ×${(percentile(large.drag, 95) / percentile(small.drag, 95)).toFixed(2)}`);
    return lines;
  } finally {
    await browser.close();
    await server.close();
  }
}
