import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { EditorPage, SHOTS } from './support/editorPage';
import { canvasLegibility, canvasWords } from './support/legibility';
import { RunPage } from './support/runPage';

const LAPTOP = { width: 1280, height: 720 };
/** 150 % browser zoom on a 1280×720 screen (a projector): the page gets 853×480 CSS pixels. */
const ZOOM_150 = { width: 853, height: 480 };
/** Every example of the gallery, by id. */
const GALLERY = (JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as Array<{ id: string }>).map((e) => e.id);

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-gallery').click();
  await page.getByTestId(`gallery-${id}`).click();
  await expect(page.getByTestId('gallery')).toHaveCount(0);
  await expect.poll(async () => (await canvasLegibility(page)).outside, id).toEqual([]);
}

/** Top-bar items whose boxes overlap one another, or whose text is cut. */
const topBarClashes = (page: Page) =>
  page.getByTestId('topbar').evaluate((bar) => {
    const items = [...bar.querySelectorAll<HTMLElement>('.brand, .menu > button, [data-testid="open-gallery"], [data-testid="doc-title"], [data-testid="file-status"], [data-testid="model-picker"], [data-testid="run-controls"] > *, [data-testid="theme-toggle"]')].filter((el) => el.offsetWidth > 0);
    const clashes: string[] = [];
    const name = (el: HTMLElement) => el.dataset.testid ?? el.className;
    for (let i = 0; i < items.length; i++) {
      const a = items[i]!.getBoundingClientRect();
      if (a.right > bar.getBoundingClientRect().right + 0.5) clashes.push(`${name(items[i]!)} past the edge`);
      for (let j = i + 1; j < items.length; j++) {
        const b = items[j]!.getBoundingClientRect();
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom && b.top < a.bottom) clashes.push(`${name(items[i]!)} over ${name(items[j]!)}`);
      }
    }
    return clashes;
  });

for (const [name, size] of [
  ['1280×720', LAPTOP],
  ['150 % zoom', ZOOM_150],
] as const) {
  test(`at ${name} every gallery example opens on the Operations canvas with every node inside, none under the minimap, and titles at least 10 px tall`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize(size);
    const ed = new EditorPage(page);
    await ed.open();
    const smallest: string[] = [];
    for (const id of GALLERY) {
      await openExample(page, id);
      const m = await canvasLegibility(page);
      expect(m.underMinimap, id).toEqual([]);
      expect(m.smallestTitleLine, id).toBeGreaterThanOrEqual(10);
      smallest.push(`${id} ${m.smallestTitleLine}`);
    }
    test.info().annotations.push({ type: 'title lines (px)', description: smallest.join(', ') });
  });

  test(`at ${name} the largest GoT graphs open whole, folded, clear of the minimap, with titles at least 10 px tall`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const ed = new EditorPage(page);
    await ed.open();
    for (const id of ['sorting-128-got', 'keyword-counting-got8', 'set-intersection-128-got']) {
      await openExample(page, id);
      const m = await canvasLegibility(page);
      expect(m.underMinimap, id).toEqual([]);
      expect(m.smallestTitleLine, id).toBeGreaterThanOrEqual(10);
      test.info().annotations.push({ type: 'title line', description: `${id}: ${m.smallestTitleLine} px` });
    }
  });
}

test('with the palette and inspector hidden, GoT graphs of 55 and 62 operations open whole with titles at least 10 px tall at 1280×720', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.getByTestId('toggle-palette').click();
  await page.getByTestId('toggle-inspector').click();
  for (const id of ['set-intersection-128-got', 'keyword-counting-got8']) {
    await openExample(page, id);
    const m = await canvasLegibility(page);
    expect(m.underMinimap, id).toEqual([]);
    expect(m.smallestTitleLine, id).toBeGreaterThanOrEqual(10);
  }
  await page.screenshot({ path: `${SHOTS}/operations-keyword-got8-panels-hidden-1280x720.png` });
});

test('clicking palette entries adds a connected chain in free space, and Shift+L keeps it on one row clear of the final thoughts', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  for (const type of ['generate', 'score', 'keepBestN']) await page.getByTestId(`palette-${type}`).click();
  await expect(ed.opNodes()).toHaveCount(3);
  await expect(ed.edge('generate-1', 'score-1')).toHaveCount(1);
  await expect(ed.edge('score-1', 'keepBestN-1')).toHaveCount(1);
  // All four boxes read in one task: one by one, a canvas still gliding to reveal the new node (200 ms) moved between reads.
  const boxes = () =>
    ed.canvas().evaluate((root) =>
      ['generate-1', 'score-1', 'keepBestN-1', '__output'].map((id) => root.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number }),
    );
  const apart = (b: Awaited<ReturnType<typeof boxes>>) => {
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
      const [p, q] = [b[i]!, b[j]!];
      expect(p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height, `${i} ${j}`).toBe(false);
    }
  };
  apart(await boxes());
  await ed.canvas().click({ position: { x: 30, y: 200 } });
  await page.keyboard.press('Shift+L');
  // The layout then shows the whole graph: the first operation, scrolled away while adding, comes back into view.
  await expect.poll(async () => (await canvasLegibility(page)).outside, { timeout: 15_000 }).toEqual([]);
  await page.waitForTimeout(300);
  const laid = await boxes();
  apart(laid);
  expect(new Set(laid.slice(0, 3).map((b) => Math.round(b.y))).size).toBe(1);
  expect(laid[0]!.x < laid[1]!.x && laid[1]!.x < laid[2]!.x && laid[2]!.x < laid[3]!.x).toBe(true);
  await page.screenshot({ path: `${SHOTS}/operations-click-to-add-layout.png` });
});

test('palette and inspector collapse with buttons and [ ] keys, the minimap hides with its button and Shift+M, and the choice survives a reload', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  const width = async () => (await ed.canvas().boundingBox())!.width;
  const full = await width();
  await page.getByTestId('toggle-palette').click();
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.getByTestId('rail-palette')).toBeVisible();
  expect(await width()).toBeGreaterThan(full + 150);
  await ed.canvas().click({ position: { x: 30, y: 200 } });
  await page.keyboard.press(']');
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await page.keyboard.press('[');
  await expect(page.getByTestId('palette')).toBeVisible();
  await expect(ed.canvas().locator('.react-flow__minimap')).toBeVisible();
  await page.getByTestId('toggle-minimap').click();
  await expect(ed.canvas().locator('.react-flow__minimap')).toHaveCount(0);
  await page.reload();
  await expect(ed.canvas().locator('.react-flow__viewport')).toBeVisible();
  await expect(page.getByTestId('inspector')).toHaveCount(0);
  await expect(page.getByTestId('palette')).toBeVisible();
  await expect(ed.canvas().locator('.react-flow__minimap')).toHaveCount(0);
  await ed.canvas().click({ position: { x: 30, y: 200 } });
  await page.keyboard.press('Shift+M');
  await expect(ed.canvas().locator('.react-flow__minimap')).toBeVisible();
  await page.getByTestId('rail-inspector').getByRole('button').click();
  await expect(page.getByTestId('inspector')).toBeVisible();
  await page.getByTestId('help-menu').click();
  await page.getByTestId('help').click();
  for (const text of ['Hide or show the operations palette', 'Hide or show the inspector', 'Hide or show the minimap']) await expect(page.getByTestId('help-dialog')).toContainText(text);
});

for (const [name, size] of [
  ['1280×720', LAPTOP],
  ['1024×768', { width: 1024, height: 768 }],
  ['150 % zoom', ZOOM_150],
  ['800 px wide', { width: 800, height: 600 }],
] as const) {
  test(`at ${name} the top bar keeps its items apart before, during and after a run, and the header's time is the summary's`, async ({ page }) => {
    await page.setViewportSize(size);
    const run = new RunPage(page);
    await run.open();
    const file = name.replace(/[ ×%]+/g, '-').replace(/-+$/, '');
    expect(await topBarClashes(page)).toEqual([]);
    if (size.width >= 853) await page.screenshot({ path: `${SHOTS}/operations-open-${file}.png` });
    await run.setModel({ latencyMs: 400 });
    await run.saveModel();
    await run.run();
    await expect(run.status()).toHaveText(/^Running/);
    await run.view('operations');
    if (await page.getByTestId('validity').count()) await expect(page.getByTestId('validity')).toHaveText(/^(Running|Paused|Done)/);
    expect(await topBarClashes(page)).toEqual([]);
    if (size.width >= 853) await page.screenshot({ path: `${SHOTS}/operations-running-${file}.png` });
    await run.waitDone();
    expect(await topBarClashes(page)).toEqual([]);
    if (size.width >= 853) await page.screenshot({ path: `${SHOTS}/operations-done-${file}.png` });
    await run.view('split');
    await run.tab('summary');
    const wall = (await run.summary('wall').textContent())!.trim();
    await expect(run.status()).toContainText(`Done · ${wall}`);
  });
}

test('in step mode the Step button names the next operation by its label and the canvas marks that operation', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await page.getByTestId('theme-toggle').click();
  await run.setModel({ latencyMs: 10 });
  await run.saveModel();
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('held-op')).toHaveText('Split into 2 lists of 16');
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('held-op')).toHaveText('Pick List 1');
  await run.view('operations');
  await expect(page.getByTestId('next-op-select-1')).toBeVisible();
  await expect(page.getByTestId('next-op-split')).toHaveCount(0);
  await expect(page.getByTestId('validity')).toHaveText(/^Paused/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/operations-step-dark-1280-720.png` });
  await page.getByTestId('run-cancel').click();
  await run.waitDone();
});

/** The Operations canvas's zoom once it has settled (a zoom button glides for 200 ms). */
async function settledZoom(page: Page): Promise<number> {
  let last = NaN;
  await expect
    .poll(async () => {
      const now = (await canvasWords(page.getByTestId('canvas'))).zoom;
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [300] })
    .toBe(true);
  return last;
}

for (const [name, size] of [
  ['1280×720', LAPTOP],
  ['150 % zoom', ZOOM_150],
] as const) {
  test(`at ${name} every word and figure on the Operations canvas is at least 10.5 px on screen or not drawn, from the opening view to 1.5× after a run; an edge's figures are its tooltip`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const run = new RunPage(page);
    await run.open();
    const canvas = page.getByTestId('canvas');
    // Before a run: the expected thoughts per edge, in each edge's tooltip whether its label is drawn or not.
    await expect(canvas.locator('.react-flow__edge title').filter({ hasText: '~5 thoughts expected' }).first()).toBeAttached();
    await run.runSorting32ToCompletion();
    await run.view('operations');
    await expect(canvas.locator('.react-flow__edge title').filter({ hasText: /^5 thoughts flowed$/ }).first()).toBeAttached();
    await expect(canvas.locator('.react-flow__edge title').filter({ hasText: 'input 2 of 2' }).first()).toBeAttached();
    await canvas.locator('.react-flow__controls-fitview').click();
    const seen: string[] = [];
    let labelsShown = false;
    for (let step = 0; step < 12; step++) {
      const zoom = await settledZoom(page);
      const { words } = await canvasWords(page.getByTestId('canvas'));
      const small = words.filter((w) => w.px < 10.5 - 0.05).map((w) => `${w.text} (${w.cls}) ${w.px} px`);
      expect(small, `at zoom ${zoom.toFixed(2)}`).toEqual([]);
      // An edge's labels, where drawn, stand in the gap between nodes.
      const { shown, clashes } = await canvas.evaluate((root) => {
        const nodes = [...root.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
        const drawn = [...root.querySelectorAll<HTMLElement>('.edge-label, .edge-order')].filter((l) => l.textContent && l.checkVisibility());
        const over = drawn.filter((l) => {
          const a = l.getBoundingClientRect();
          return nodes.some((b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1);
        });
        return { shown: drawn.length, clashes: over.map((l) => l.dataset.testid) };
      });
      expect(clashes, `at zoom ${zoom.toFixed(2)}`).toEqual([]);
      if (shown > 0) labelsShown = true;
      seen.push(`${zoom.toFixed(2)}: ${words.length} texts, ${shown} edge labels, smallest ${Math.min(...words.map((w) => w.px))} px`);
      if (zoom >= 1.45) break;
      await canvas.locator('.react-flow__controls-zoomin').click();
    }
    // Zoomed in, the edges' figures are drawn (the thoughts that flowed), at least 10.5 px.
    expect(labelsShown, seen.join('; ')).toBe(true);
    await page.screenshot({ path: `${SHOTS}/operations-zoomed-${size.width}x${size.height}.png` });
    test.info().annotations.push({ type: 'measured', description: seen.join('; ') });
  });
}
