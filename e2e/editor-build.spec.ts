import { expect, test } from '@playwright/test';
import { canvasLegibility } from './support/legibility';
import { EditorPage } from './support/editorPage';

const X = (col: number) => 300 + col * 105;

test('a new user builds the GoT sorting-32 graph from an empty canvas and the cost preview matches the paper', async ({ page }) => {
  test.setTimeout(180_000);
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  await ed.zoomOut(5);

  // Place every operation by dragging it from the palette.
  const split = await ed.dragOperation('generate', X(0), 150);
  const sel1 = await ed.dragOperation('selector', X(1), 110);
  const sel2 = await ed.dragOperation('selector', X(1), 200);
  const solve1 = await ed.dragOperation('generate', X(2), 110);
  const solve2 = await ed.dragOperation('generate', X(2), 200);
  const score1 = await ed.dragOperation('score', X(3), 110);
  const score2 = await ed.dragOperation('score', X(3), 200);
  const keep1 = await ed.dragOperation('keepBestN', X(4), 110);
  const keep2 = await ed.dragOperation('keepBestN', X(4), 200);
  const merge = await ed.dragOperation('aggregate', X(0), 330);
  const mergeScore = await ed.dragOperation('score', X(1), 330);
  const mergeBest = await ed.dragOperation('keepBestN', X(2), 330);
  const refine = await ed.dragOperation('generate', X(3), 400);
  const refineScore = await ed.dragOperation('score', X(4), 400);
  const best = await ed.dragOperation('keepBestN', X(5), 330);
  const truth = await ed.dragOperation('groundTruth', X(5), 440);
  await expect(ed.opNodes()).toHaveCount(16);

  // Connect handles, in the order that makes the input order right.
  const edges: Array<[string, string]> = [
    [split, sel1],
    [split, sel2],
    [sel1, solve1],
    [sel2, solve2],
    [solve1, score1],
    [solve2, score2],
    [score1, keep1],
    [score2, keep2],
    [keep1, merge],
    [keep2, merge],
    [merge, mergeScore],
    [mergeScore, mergeBest],
    [mergeBest, refine],
    [refine, refineScore],
    [mergeBest, best],
    [refineScore, best],
    [best, truth],
  ];
  for (const [a, b] of edges) {
    await ed.connect(a, b);
    await expect(ed.edge(a, b)).toHaveCount(1);
  }
  await ed.shot('build-connected');

  // Parameters, set in the inspector.
  await ed.select(split);
  await ed.typeTemplate('prompt', 'Split {{original}} into two lists of 16 as JSON {"List 1": [...], "List 2": [...]}');
  await ed.field('parser').locator('select').first().selectOption('jsonParts');
  for (const [id, n] of [
    [sel1, 1],
    [sel2, 2],
  ] as const) {
    await ed.select(id);
    await ed.field('selector').getByLabel('Expression').fill(`state.part == "List ${n}"`);
  }
  for (const id of [solve1, solve2]) {
    await ed.select(id);
    await ed.setNumber('samples', 5);
    await ed.typeTemplate('prompt', 'Sort {{current}} in ascending order.');
    await ed.field('parser').locator('select').first().selectOption('list');
  }
  for (const id of [score1, score2, mergeScore, refineScore]) {
    await ed.select(id);
    await ed.field('scorer').locator('select').selectOption('sorting.error');
  }
  for (const id of [keep1, keep2, mergeBest, best]) {
    await ed.select(id);
    await ed.field('higherIsBetter').locator('input[type=checkbox]').uncheck();
  }
  await ed.select(merge);
  await ed.setNumber('samples', 10);
  await ed.typeTemplate('prompt', 'Merge these sorted lists: {{#each inputs}}{{current}} {{/each}}');
  await ed.select(refine);
  await ed.setNumber('samples', 10);
  await ed.typeTemplate('prompt', 'Fix the mistakes in {{current}}.');
  await ed.select(truth);
  await ed.field('evaluator').locator('select').selectOption('sorting.solved');

  // The aggregation sees its inputs in edge order; the node face shows the summary.
  await ed.select(merge);
  await expect(page.getByTestId('input-1')).toContainText(keep1);
  await expect(page.getByTestId('input-2')).toContainText(keep2);
  await expect(ed.node(keep1)).toContainText('keep 1, lower is better');

  // The paper's counts for GoT sorting-32: 5 requests, 31 completions.
  await ed.blurFields();
  await ed.deselect();
  await expect(page.getByTestId('estimate-requests')).toHaveText('5');
  await expect(page.getByTestId('estimate-completions')).toHaveText('31');
  // Auto layout wraps the long chain into rows and shows it whole, every title at least 10 px tall on screen.
  await page.keyboard.press('Shift+L');
  await expect.poll(async () => (await canvasLegibility(page)).outside, { timeout: 15_000 }).toEqual([]);
  await expect.poll(async () => (await canvasLegibility(page)).smallestTitleLine).toBeGreaterThanOrEqual(10);
  await page.waitForTimeout(300);
  await ed.shot('build-done');

  // Undo and redo of a parameter and of a deletion.
  await ed.select(solve1);
  await ed.setNumber('samples', 7);
  await ed.blurFields();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(ed.field('samples').locator('input')).toHaveValue('5');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(ed.field('samples').locator('input')).toHaveValue('7');
  await page.keyboard.press('Delete');
  await expect(ed.opNodes()).toHaveCount(15);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(ed.opNodes()).toHaveCount(16);
  await expect(ed.edge(sel1, solve1)).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Y');
  await expect(ed.opNodes()).toHaveCount(15);
});
