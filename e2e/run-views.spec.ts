import { expect, test, type Page } from '@playwright/test';
import { canvasLegibility } from './support/legibility';
import { RunPage } from './support/runPage';

/** The shortest line of any operation title on the operations canvas, in CSS pixels on screen. */
const smallestTitle = async (page: Page) => (await canvasLegibility(page)).smallestTitleLine;

const editorZoom = (page: Page) =>
  page.getByTestId('canvas').locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

test('switching views keeps the operations canvas at its readable start view, starting from the input', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await expect.poll(() => smallestTitle(page)).toBeGreaterThanOrEqual(10);
  const input = page.getByTestId('canvas').locator('.react-flow__node[data-id="__input"]');
  await run.view('split');
  await expect(page.getByTestId('run-panel')).toBeVisible();
  // The short canvas is not shrunk to fit the whole graph: its titles stay readable and it shows where the graph starts.
  await expect.poll(() => smallestTitle(page)).toBeGreaterThanOrEqual(10);
  expect(await editorZoom(page)).toBeLessThanOrEqual(1);
  await expect(input).toBeInViewport();
  // The short pane has no minimap to sit on its nodes; the Operations view has it back.
  await expect(page.getByTestId('canvas').locator('.react-flow__minimap')).toHaveCount(0);
  await run.view('operations');
  await expect(page.getByTestId('canvas').locator('.react-flow__minimap')).toBeVisible();
  await expect(page.getByTestId('run-panel')).toHaveCount(0);
  await expect.poll(() => smallestTitle(page)).toBeGreaterThanOrEqual(10);
  await expect(input).toBeInViewport();
  // Back in the Operations view the graph is whole again.
  await expect.poll(async () => (await canvasLegibility(page)).outside).toEqual([]);
});
