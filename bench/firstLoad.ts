// First-load benchmark (Chromium against the production build): the eager JavaScript a page load
// must fetch before anything runs, and every byte the page fetches in its first five idle seconds,
// gzipped as a server would send them. Targets: eager ≤ 200 kB gzip, first 5 s ≤ 300 kB gzip.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import { eagerJavaScript } from '../scripts/eagerSize';

const IDLE_MS = 5000;
const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;
// Measured with this bench on main at 6903789, before issue 12's last steps, to print beside today's figures.
const BEFORE = { eagerGzip: 212.6 * 1024, windowGzip: 303.9 * 1024 };

/** Builds the app, serves it with `vite preview`, and reports what a first visit fetches. */
export async function benchFirstLoad(): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'got-first-load-'));
  try {
    await build({ logLevel: 'error', build: { outDir, emptyOutDir: true } });
    const eager = eagerJavaScript(outDir);
    const server = await preview({ preview: { port: 0, strictPort: false }, build: { outDir }, logLevel: 'error' });
    const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const fetched: Array<{ url: string; type: string; gzip: number; at: number }> = [];
      const pending: Array<Promise<void>> = [];
      const t0 = Date.now();
      page.on('response', (res) => {
        const at = Date.now() - t0;
        pending.push(
          res.body().then(
            (body) => void fetched.push({ url: new URL(res.url()).pathname, type: res.request().resourceType(), gzip: gzipSync(body, { level: 9 }).length, at }),
            () => undefined,
          ),
        );
      });
      const url = server.resolvedUrls?.local[0] ?? 'http://localhost:4173/';
      await page.goto(url);
      await page.getByTestId('estimate-cost').waitFor({ timeout: 30_000 });
      const firstScreenMs = Date.now() - t0;
      await page.waitForTimeout(Math.max(0, IDLE_MS - (Date.now() - t0)));
      await Promise.all(pending);
      const inWindow = fetched.filter((f) => f.at <= IDLE_MS);
      const total = inWindow.reduce((a, f) => a + f.gzip, 0);
      const js = inWindow.filter((f) => f.type === 'script' || f.url.endsWith('.js')).reduce((a, f) => a + f.gzip, 0);
      const top = [...inWindow].sort((a, b) => b.gzip - a.gzip).slice(0, 6);
      // The first clicks after the idle window must still be quick: the Thoughts view, then a run on the simulator.
      let clickAt = Date.now();
      await page.getByTestId('view-thoughts').click();
      await page.getByTestId('grs-canvas').waitFor({ timeout: 30_000 });
      const thoughtsMs = Date.now() - clickAt;
      clickAt = Date.now();
      await page.getByTestId('run-start').click();
      await page.locator('[data-testid="grs-canvas"][data-thoughts="33"]').waitFor({ timeout: 60_000 });
      const runMs = Date.now() - clickAt;
      return [
        `eager JavaScript: ${kB(eager.gzip)} gzip in ${eager.chunks.length} chunks (before ${kB(BEFORE.eagerGzip)}; target ≤ 200 kB)`,
        `fetched in the first ${IDLE_MS / 1000} s of an idle session: ${kB(total)} gzip in ${inWindow.length} responses, of which JavaScript ${kB(js)} (before ${kB(BEFORE.windowGzip)}; target ≤ 300 kB)`,
        `first screen (editor, default example, cost estimate) after ${firstScreenMs} ms`,
        `then the first clicks: Thoughts view shown after ${thoughtsMs} ms, the default graph run to its 33 thoughts (simulator) after ${runMs} ms`,
        `largest: ${top.map((f) => `${f.url.replace(/^.*\//, '')} ${kB(f.gzip)}`).join(', ')}`,
      ];
    } finally {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
