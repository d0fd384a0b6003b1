import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RunPage } from './support/runPage';

test('compares two schemes on the same samples and plots error, cost and volume against latency', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await run.setModel({ latencyMs: 0 });
  await run.saveModel();
  await run.view('compare');
  const view = page.getByTestId('compare-view');
  await expect(view.getByTestId('compare-current')).toBeChecked();
  await view.getByTestId('compare-IO').check();
  await view.getByTestId('compare-from').fill('0');
  await view.getByTestId('compare-to').fill('3');
  await view.getByTestId('compare-run').click();
  await expect(view.getByTestId('compare-results')).toBeVisible({ timeout: 60_000 });
  const rows = view.getByTestId('compare-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('GoT');
  await expect(rows.nth(1)).toContainText('IO');
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('4/4');
  for (const plot of ['plot-error', 'plot-cost', 'plot-volume-latency'])
    await expect(view.getByTestId(plot).locator('svg').first()).toBeVisible();
  await expect(
    view.getByTestId('plot-error').locator('svg [aria-label="boxY"], svg g[aria-label^="bar"], svg g[aria-label^="rule"]').first(),
  ).toBeAttached();
  const download = page.waitForEvent('download');
  await view.getByTestId('plot-error-svg').click();
  expect((await download).suggestedFilename()).toBe('error-per-scheme.svg');
  const png = page.waitForEvent('download');
  await view.getByTestId('plot-cost-png').click();
  const pngFile = await png;
  expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
  expect(readFileSync(await pngFile.path()).subarray(1, 4).toString()).toBe('PNG');
  await run.shot('run-10-compare');
});
