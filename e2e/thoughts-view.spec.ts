import { expect, test, type Locator, type Page } from '@playwright/test';
import { RunPage } from './support/runPage';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const inside = (a: Box, outer: Box) => a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.width <= outer.x + outer.width + 0.5 && a.y + a.height <= outer.y + outer.height + 0.5;

/** Opens a gallery example, runs it on the simulator and shows the Thoughts view once the camera has settled (at the given level of detail). */
async function runInThoughtsView(page: Page, example: string, lod: 'cards' | 'overview' = 'cards'): Promise<RunPage> {
  const run = new RunPage(page);
  await run.open();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId(`gallery-${example}`).click();
  await expect(page.getByTestId('gallery')).toHaveCount(0);
  await run.setModel({ latencyMs: 0 });
  await run.saveModel();
  await run.view('thoughts');
  await run.run();
  // A 160-thought run on a busy 2-core machine can take most of a minute.
  await run.waitDone(150_000);
  await expect(run.grs()).toHaveAttribute('data-lod', lod);
  await settled(run.grs());
  return run;
}

/** Waits until the GRS camera stops moving (its viewport transform is the same twice in a row). */
async function settled(grs: Locator): Promise<void> {
  const transform = () => grs.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  let last = '';
  await expect
    .poll(async () => {
      const now = await transform();
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [400] })
    .toBe(true);
}

/** Rendered boxes of every card and stack in the Thoughts view. */
const boxes = (grs: Locator) =>
  grs.locator('.react-flow__node-thought, .react-flow__node-stack').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );

/** For each surviving card: its volume and latency text's rendered height and on-screen font size (CSS px). */
const figureSizes = (grs: Locator) =>
  grs.locator('.react-flow__node-thought:not(:has(.is-pruned))').evaluateAll((els) => {
    const viewport = document.querySelector('.grs-canvas .react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    return els.map((el) => {
      const size = (testId: string) => {
        const span = el.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
        if (!span) return { height: 0, font: 0 };
        return { height: span.getBoundingClientRect().height, font: parseFloat(getComputedStyle(span).fontSize) * zoom };
      };
      return { id: el.getAttribute('data-id'), volume: size('thought-volume'), latency: size('thought-latency') };
    });
  });

/**
 * Every numeral a reader can see in the Thoughts view (figures, counts, legend, toolbar): its text and
 * its font size on screen (CSS px, the canvas zoom applied inside the graph). Hidden and off-pane text is left out.
 */
const visibleNumerals = (grs: Locator) =>
  grs.evaluate((root) => {
    const pane = root.getBoundingClientRect();
    const viewport = root.querySelector('.react-flow__viewport') as HTMLElement;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const out: Array<{ text: string; px: number }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !/\d/.test(n.textContent ?? '') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.right <= pane.left || r.left >= pane.right || r.bottom <= pane.top || r.top >= pane.bottom) continue;
      out.push({ text: (n.textContent ?? '').trim(), px: parseFloat(getComputedStyle(el).fontSize) * (viewport.contains(el) ? zoom : 1) });
    }
    return out;
  });

/** The whole graph is inside the pane: every lane box (and every card and stack, when drawn as DOM). */
async function expectWholeGraphInside(grs: Locator): Promise<void> {
  const pane = (await grs.boundingBox())!;
  const all = await grs.locator('.react-flow__node-lane, .react-flow__node-thought, .react-flow__node-stack').evaluateAll((els) =>
    els.map((el) => ({ id: el.getAttribute('data-id') ?? '', ...(el.getBoundingClientRect().toJSON() as Box) })),
  );
  expect(all.length).toBeGreaterThan(5);
  for (const b of all) expect(inside(b, pane), b.id).toBe(true);
}

async function expectWholeGraphReadable(run: RunPage): Promise<void> {
  const grs = run.grs();
  const pane = (await grs.boundingBox())!;
  // The whole graph (every lane) is on screen at once.
  const lanes = await grs.locator('.react-flow__node-lane').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box));
  expect(lanes.length).toBeGreaterThan(5);
  for (const lane of lanes) expect(inside(lane, pane)).toBe(true);
  // Every kept thought has a card on screen, with its volume and latency at least 10 px tall.
  const shown = Number(await grs.getAttribute('data-shown'));
  await expect(grs.locator('.react-flow__node-thought')).toHaveCount(shown);
  const sizes = await figureSizes(grs);
  expect(sizes.length).toBeGreaterThan(10);
  for (const s of sizes) {
    for (const m of [s.volume, s.latency]) {
      expect(m.height, `${s.id}`).toBeGreaterThanOrEqual(10);
      expect(m.font, `${s.id}`).toBeGreaterThanOrEqual(10);
    }
  }
  for (const n of await visibleNumerals(grs)) expect(n.px, n.text).toBeGreaterThanOrEqual(10);
  // No card or stack overlaps another.
  const all = await boxes(grs);
  for (let i = 0; i < all.length; i += 1) {
    expect(inside(all[i]!, pane), all[i]!.id).toBe(true);
    for (let j = i + 1; j < all.length; j += 1) expect(overlaps(all[i]!, all[j]!), `${all[i]!.id} / ${all[j]!.id}`).toBe(false);
  }
}

test.describe('the Thoughts view', () => {
  test.setTimeout(240_000);
  test('shows a whole sorting-128 GoT run at once, laid out by operation, every kept thought with readable volume and latency', async ({ page }) => {
    const run = await runInThoughtsView(page, 'sorting-128-got');
    await expectWholeGraphReadable(run);
    await expect(run.grs().getByTestId('lane-solve-3')).toContainText('Solve List 3');
    await expect(run.grs().getByTestId('lane-solve-3')).toContainText('Generate');
    await expect(run.grs().getByTestId('legend-metrics')).toContainText('volume');
    await expect(run.grs().getByTestId('legend-metrics')).toContainText('latency');
    await page.screenshot({ path: 'test-results/screens/thoughts-sorting-128.png' });
  });

  test('shows a whole keyword-counting GoT8 run at once, every kept thought with readable volume and latency', async ({ page }) => {
    const run = await runInThoughtsView(page, 'keyword-counting-got8');
    await expectWholeGraphReadable(run);
    await page.screenshot({ path: 'test-results/screens/thoughts-keyword-counting-got8.png' });
    // The dark theme with every thought shown, for the screenshots.
    await page.getByTestId('theme-toggle').click();
    await run.grs().getByTestId('grs-show-all').check();
    await page.screenshot({ path: 'test-results/screens/thoughts-keyword-counting-got8-dark.png' });
  });

  test('folds pruned thoughts into one stack per operation that opens and closes, and a toggle shows them all', async ({ page }) => {
    const run = await runInThoughtsView(page, 'sorting-128-got');
    const grs = run.grs();
    const stack = grs.getByTestId('pruned-stack-solve-2');
    await expect(stack).toHaveText(/\+4 not kept — why/);
    await expect(stack).toHaveAttribute('title', /^pruned by Keep the best of List 2: not among the best 1/);
    const before = await grs.locator('.react-flow__node-thought').count();
    await stack.click();
    await expect(stack).toHaveAttribute('aria-expanded', 'true');
    const prunedBy = grs.locator('.thought-card.is-pruned[title^="pruned by Keep the best of List 2: not among the best 1"]');
    await expect(prunedBy).toHaveCount(4);
    await stack.click();
    await expect(stack).toHaveAttribute('aria-expanded', 'false');
    await expect(grs.locator('.react-flow__node-thought')).toHaveCount(before);
    await expect(prunedBy).toHaveCount(0);
    await grs.getByTestId('grs-show-all').check();
    await expect(grs).toHaveAttribute('data-shown', await grs.getAttribute('data-thoughts').then(String));
    await grs.getByTestId('grs-show-all').uncheck();
    await expect(grs.locator('.react-flow__node-thought')).toHaveCount(before);
  });

  test('selecting a thought shows a key that says what its volume and latency highlights mean', async ({ page }) => {
    const run = await runInThoughtsView(page, 'keyword-counting-got8');
    await expect(run.grs().getByTestId('selection-key')).toHaveCount(0);
    const id = await run.selectFinalThought();
    const volume = await page.getByTestId('detail-volume').textContent();
    const latency = await page.getByTestId('detail-latency').textContent();
    const key = run.grs().getByTestId('selection-key');
    await expect(key).toBeVisible();
    await expect(key.getByTestId('key-volume')).toContainText(`volume ${volume} — the ${volume} thoughts that could have influenced it`);
    await expect(key.getByTestId('key-latency')).toContainText(`latency ${latency} — the longest chain of model calls from the input`);
    await expect(key).toContainText('dashed blue');
    await expect(key).toContainText('orange');
    await expect(run.grs().locator(`.react-flow__node[data-id="${id}"] .thought-card`)).toHaveClass(/mark-selected/);
    await page.screenshot({ path: 'test-results/screens/thoughts-selection-key.png' });
  });
});

test.describe('the Thoughts view at 150% browser zoom (853×480 CSS px)', () => {
  test.use({ viewport: { width: 853, height: 480 } });
  test.setTimeout(240_000);

  for (const example of ['sorting-128-got', 'keyword-counting-got8']) {
    test(`${example}: after a run the whole graph is inside the view and every visible numeral is at least 10 px; zoomed in, the cards keep readable figures and never overlap`, async ({ page }) => {
      // The whole graph at 853×480 needs a zoom below 0.25: the overview canvas, whose blocks carry figures only where they fit at ≥ 10 px.
      const run = await runInThoughtsView(page, example, 'overview');
      const grs = run.grs();
      await expectWholeGraphInside(grs);
      const figurePx = Number(await grs.getByTestId('grs-overview').getAttribute('data-figure-px'));
      expect(figurePx === 0 || figurePx >= 10, `canvas figures at ${figurePx} px`).toBe(true);
      const numerals = await visibleNumerals(grs);
      expect(numerals.length).toBeGreaterThan(0);
      for (const n of numerals) expect(n.px, n.text).toBeGreaterThanOrEqual(10);
      await page.screenshot({ path: `test-results/screens/thoughts-${example}-150-whole.png` });
      // Zoomed in to the cards, as a reader would: every card on screen keeps readable figures, none overlaps another.
      const zoomIn = grs.locator('.react-flow__controls-zoomin');
      for (let i = 0; i < 8 && (await grs.getAttribute('data-lod')) !== 'cards'; i += 1) await zoomIn.click();
      await expect(grs).toHaveAttribute('data-lod', 'cards');
      await settled(grs);
      const pane = (await grs.boundingBox())!;
      const sizes = await figureSizes(grs);
      expect(sizes.length).toBeGreaterThan(3);
      for (const s of sizes) for (const m of [s.volume, s.latency]) expect(m.font, `${s.id}`).toBeGreaterThanOrEqual(10);
      for (const n of await visibleNumerals(grs)) expect(n.px, n.text).toBeGreaterThanOrEqual(10);
      const all = (await boxes(grs)).filter((b) => overlaps(b, pane));
      for (let i = 0; i < all.length; i += 1)
        for (let j = i + 1; j < all.length; j += 1) expect(overlaps(all[i]!, all[j]!), `${all[i]!.id} / ${all[j]!.id}`).toBe(false);
      await page.screenshot({ path: `test-results/screens/thoughts-${example}-150.png` });
    });
  }
});
