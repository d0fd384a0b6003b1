import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editorPage';
import { canvasLegibility } from './support/legibility';
import { RunPage } from './support/runPage';

const SHOTS = 'docs/screenshots';

async function openExample(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-gallery').click();
  await page.getByTestId(`gallery-${id}`).click();
  await expect(page.getByTestId('gallery')).toHaveCount(0);
  await expect.poll(async () => (await canvasLegibility(page)).outside, id).toEqual([]);
}

/** Pairs of drawn operation nodes whose rendered boxes overlap. */
const overlapping = (page: Page) =>
  page.getByTestId('canvas').evaluate((canvas) => {
    const boxes = [...canvas.querySelectorAll<HTMLElement>('.react-flow__node-operation, .react-flow__node-runInput, .react-flow__node-runOutput')].map((n) => ({ id: n.dataset.id ?? '?', r: n.getBoundingClientRect() }));
    const hits: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.r, boxes[j]!.r];
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) hits.push(`${boxes[i]!.id} ${boxes[j]!.id}`);
      }
    return hits;
  });

for (const [name, size, file] of [
  ['1280×720', { width: 1280, height: 720 }, '1280x720'],
  ['150 % zoom', { width: 853, height: 480 }, '853x480'],
] as const) {
  test(`at ${name} sorting-128 ToT2, sorting-128 GoT and keyword counting GoT8 open folded into stacks of their repeated steps, titles at least 10 px tall`, async ({ page }) => {
    await page.setViewportSize(size);
    const ed = new EditorPage(page);
    await ed.open();
    for (const [id, drawn] of [['sorting-128-tot2', 7], ['sorting-128-got', 24], ['keyword-counting-got8', 18]] as const) {
      await openExample(page, id);
      await expect(ed.opNodes()).toHaveCount(drawn);
      const m = await canvasLegibility(page);
      expect(m.underMinimap, id).toEqual([]);
      expect(m.smallestTitleLine, id).toBeGreaterThanOrEqual(10);
      expect(await overlapping(page), id).toEqual([]);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${SHOTS}/operations-folded-${id}-${file}.png` });
    }
    await expect(page.getByTestId('stack-badge-select-1')).toHaveText('×8');
    await expect(ed.node('select-1')).toContainText('Pick Passage 1–8');
  });
}

test('a stack unfolds from its badge into all its members without overlap, folds back from its lead, and Shift+F unfolds or folds them all', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await openExample(page, 'sorting-128-got');
  await expect(ed.opNodes()).toHaveCount(24);
  await page.getByTestId('stack-badge-solve-1').click();
  await expect(ed.opNodes()).toHaveCount(31);
  for (let i = 1; i <= 8; i++) await expect(ed.node(`solve-${i}`)).toBeVisible();
  await expect.poll(async () => (await canvasLegibility(page)).outside).toEqual([]);
  expect(await overlapping(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/operations-folded-one-unfolded-1280x720.png` });
  await page.getByTestId('stack-fold-solve-1').click();
  await expect(ed.opNodes()).toHaveCount(24);
  await expect(page.getByTestId('stack-badge-solve-1')).toHaveText('×8');
  await ed.canvas().click({ position: { x: 30, y: 200 } });
  await page.keyboard.press('Shift+F');
  await expect(ed.opNodes()).toHaveCount(76);
  await expect(page.getByTestId('toggle-folds')).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Shift+F');
  await expect(ed.opNodes()).toHaveCount(24);
  await expect.poll(async () => (await canvasLegibility(page)).outside).toEqual([]);
});

test('selecting a stack inspects its first branch and says that edits apply to that branch alone; unfolding leaves nothing to undo', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await openExample(page, 'keyword-counting-got8');
  await ed.node('solve-1').click();
  await expect(page.getByTestId('stack-note')).toContainText('Branch 1 of 8');
  await expect(page.getByTestId('op-id')).toHaveText('solve-1');
  await page.screenshot({ path: `${SHOTS}/operations-folded-inspector-1280x720.png` });
  await page.getByTestId('stack-note-unfold').click();
  await expect(ed.node('solve-8')).toBeVisible();
  await expect(page.getByTestId('stack-note')).toHaveCount(0);
  // Folding and unfolding are views of the graph, not edits: nothing to undo.
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('a run on a folded graph shows each stack’s progress, and the next step inside a stack marks the stack', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await openExample(page, 'sorting-128-got');
  await run.setModel({ latencyMs: 300 });
  await run.saveModel();
  await page.getByTestId('run-step').click();
  await page.getByTestId('run-step').click();
  await run.view('operations');
  await expect(page.getByTestId('next-op-select-1')).toBeVisible();
  await page.getByTestId('run-step').click();
  await expect(page.getByTestId('held-op')).toHaveText('Pick List 2');
  // The held operation is folded inside the stack: the stack carries the mark.
  await expect(page.getByTestId('next-op-select-1')).toBeVisible();
  await page.getByTestId('run-resume').click();
  await expect(page.getByTestId('stack-progress-solve-1')).toContainText(/\d\/8 done/);
  await page.screenshot({ path: `${SHOTS}/operations-folded-running-1280x720.png` });
  await run.waitDone(90_000);
  await run.view('operations');
  await expect(page.getByTestId('stack-progress-solve-1')).toHaveText('8/8 done');
  await expect(page.getByTestId('stack-progress-merge-1-1')).toHaveText('4/4 done');
  // The badge counts too, so progress reads when the canvas is zoomed out to the nodes' far face.
  await expect(page.getByTestId('stack-badge-solve-1')).toHaveText('8/8');
  await page.screenshot({ path: `${SHOTS}/operations-folded-done-1280x720.png` });
});
