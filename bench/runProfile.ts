// Main-thread work of the app's first live run (sorting-128 GoT, 50 ms per call, Split view): an unminified production build so
// components keep their names; per run, React commits and renders per component (grouped by area: Canvas, GrsFlow, TopBar…),
// CPU-profile time of named functions and Chromium's style/layout counters. Run: `npx tsx bench/runProfile.ts` (REPEATS=n).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { CLICK_TO_DONE, waitForDone } from './appColdStart';
import type { CpuProfile } from './cpuProfile';
import { openExampleOnServer } from './appModel';
import { startSimulatorProcess } from './models';

const EXAMPLE = 'sorting-128-got';
const REPEATS = Number(process.env.REPEATS ?? 3);

// Counts commits and, per component name, the renders in each commit: a fiber rendered when it carries PerformedWork and is not the object the last commit held (a bailed-out subtree keeps its old objects).
const COUNT_COMMITS = `(() => {
  window.__commits = 0;
  window.__renders = {};
  let seen = new Set();
  const nameOf = (f) => { const t = f.type; if (!t) return null; if (typeof t === 'function') return t.displayName || t.name || 'anon'; return t.displayName || (t.type && (t.type.displayName || t.type.name)) || (t.render && (t.render.displayName || t.render.name)) || null; };
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const AREAS = new Set(['Canvas', 'GrsFlow', 'ThoughtsCanvas', 'Timeline', 'RunPanel', 'TopBar', 'Inspector', 'Palette']);
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = { supportsFiber: true, renderers: new Map(), inject() { return 1; }, onCommitFiberRoot(_id, root) {
    window.__commits += 1;
    const now = new Set();
    const stack = [[root.current, '']];
    while (stack.length) {
      const [f, area] = stack.pop();
      now.add(f);
      const n = COMPONENT.has(f.tag) ? nameOf(f) : null;
      const inner = n && AREAS.has(n) ? n : area;
      if (window.__counting && f.tag === 13 && f.memoizedState !== null) {
        let c = f.child && f.child.child; let what = '?';
        for (let i = 0; c && i < 6; i++) { const m = COMPONENT.has(c.tag) && nameOf(c); if (m) { what = m; break; } c = c.child; }
        let host = f.return; while (host && host.tag !== 5) host = host.return;
        const k = 'fallback in ' + (area || 'root') + ' under .' + (host && host.memoizedProps && host.memoizedProps.className || '?') + ' over ' + what;
        window.__renders[k] = (window.__renders[k] || 0) + 1;
      }
      if (window.__counting && n && (f.flags & 1) && !seen.has(f)) { const k = inner + '/' + n; window.__renders[k] = (window.__renders[k] || 0) + 1; }
      if (f.sibling) stack.push([f.sibling, area]);
      if (f.child) stack.push([f.child, inner]);
    }
    seen = now;
  }, onCommitFiberUnmount() {}, onPostCommitFiberRoot() {}, checkDCE() {} };
})()`;


/** Inclusive ms per function name (a name counted once per stack). */
function inclusive(p: CpuProfile): Map<string, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const name = n.callFrame.functionName || '(anon)';
      if (seen.has(name)) continue;
      seen.add(name);
      out.set(name, (out.get(name) ?? 0) + dt);
    }
  });
  return out;
}

const WATCH = ['OperationNodeView', 'NodeStatusStrip', 'StackStrip', 'StackMarks', 'RunControls', 'LevelOfDetail', 'DatasetPicker', 'NodeWrapper', 'formatRange', 'toLocaleString', 'RunTimeline', 'Timeline', 'DocumentInspector', 'Inspector', 'updateDimensions', 'checkVisibility', 'performWorkOnRoot', 'commitRoot', 'renderRootSync', 'useSyncExternalStoreWithSelector', 'memoizedSelector', 'ThoughtsCanvas', 'App'];

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'got-run-profile-'));
  await build({ logLevel: 'error', build: { outDir, emptyOutDir: true, minify: false } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, build: { outDir }, logLevel: 'error' });
  const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
  const sim = await startSimulatorProcess(50);
  const rows: Array<Record<string, number>> = [];
  try {
    for (let r = 0; r < REPEATS; r++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.addInitScript(COUNT_COMMITS);
      const cdp = await context.newCDPSession(page);
      await openExampleOnServer(page, server.resolvedUrls?.local[0] ?? '', EXAMPLE, sim.url);
      await page.waitForTimeout(1500);
      await page.evaluate(CLICK_TO_DONE);
      // The counts start at the click, as the clock does.
      await page.evaluate(`document.querySelector('[data-testid="run-start"]').addEventListener('click', () => {
        window.__commits = 0; window.__firstFallback = {}; window.__renders = {}; window.__counting = true;
      }, { capture: true, once: true })`);
      await cdp.send('Performance.enable');
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      const before = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      await cdp.send('Profiler.start');
      await page.getByTestId('run-start').click();
      await waitForDone(page);
      const { profile } = await cdp.send('Profiler.stop');
      const after = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const wall = (await page.evaluate('window.__doneAt - window.__clickAt')) as number;
      const commits = (await page.evaluate('window.__commits')) as number;
      const renders = (await page.evaluate('window.__renders')) as Record<string, number>;
      const inc = inclusive(profile as unknown as CpuProfile);
      const d = (k: string) => ((after[k] ?? 0) - (before[k] ?? 0)) * 1000;
      const row: Record<string, number> = { wall, commits, task: d('TaskDuration'), script: d('ScriptDuration'), style: d('RecalcStyleDuration'), layout: d('LayoutDuration'), styleCount: (after.RecalcStyleCount ?? 0) - (before.RecalcStyleCount ?? 0), layoutCount: (after.LayoutCount ?? 0) - (before.LayoutCount ?? 0) };
      for (const w of WATCH) row[w] = inc.get(w) ?? 0;
      for (const [k, v] of Object.entries(renders)) row[`renders ${k}`] = v;
      rows.push(row);
      if (r === 0 && process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
      await context.close();
    }
  } finally {
    sim.child.kill();
    await browser.close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
    rmSync(outDir, { recursive: true, force: true });
  }
  const med = (k: string) => [...rows.map((x) => x[k] ?? 0)].sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
  console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; median of ${REPEATS}`);
  for (const k of [...new Set(rows.flatMap((x) => Object.keys(x)))].sort((a, b) => (a.startsWith('renders') ? 1 : 0) - (b.startsWith('renders') ? 1 : 0))) console.log(`${k.padEnd(36)} ${med(k).toFixed(1).padStart(8)}   [${rows.map((x) => (x[k] ?? 0).toFixed(0)).join(', ')}]`);
}

await main();
