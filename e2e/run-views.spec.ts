import { expect, test, type Page } from '@playwright/test';
import { RunPage } from './support/runPage';

const editorZoom = (page: Page) =>
  page.getByTestId('canvas').locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

test('switching views keeps the operations canvas at its readable start view, starting from the input', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await expect.poll(() => editorZoom(page)).toBeGreaterThanOrEqual(0.6);
  const input = page.getByTestId('canvas').locator('.react-flow__node[data-id="__input"]');
  await run.view('split');
  await expect(page.getByTestId('run-panel')).toBeVisible();
  // The half-width canvas is not shrunk to fit the whole graph: it stays readable and shows where the graph starts.
  await expect.poll(() => editorZoom(page)).toBeGreaterThanOrEqual(0.6);
  expect(await editorZoom(page)).toBeLessThanOrEqual(1);
  await expect(input).toBeInViewport();
  await run.view('operations');
  await expect(page.getByTestId('run-panel')).toHaveCount(0);
  await expect.poll(() => editorZoom(page)).toBeGreaterThanOrEqual(0.6);
  await expect(input).toBeInViewport();
});
