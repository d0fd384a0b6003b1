import { expect, test, type Locator } from '@playwright/test';
import { RunPage } from './support/runPage';

/** The comparison table's rows, one per scheme (each with data-runs and data-of). */
const schemeRows = (view: Locator) => view.getByTestId('compare-row');

test('Compare fills in each scheme as its runs finish, then shows the same choice again at once from the kept results', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await run.view('compare');
  const view = page.getByTestId('compare-view');
  for (const scheme of ['IO', 'CoT', 'ToT']) await view.getByTestId(`compare-${scheme}`).check();
  await view.getByTestId('compare-from').fill('0');
  await view.getByTestId('compare-to').fill('9');
  const started = Date.now();
  await view.getByTestId('compare-run').click();
  const results = view.getByTestId('compare-results');

  // While it runs: a scheme with some of its rows, a plot already drawn, counts in the table.
  await expect(results).toHaveAttribute('data-running', 'true');
  await expect
    .poll(async () => (await schemeRows(view).evaluateAll((rows) => rows.map((r) => Number(r.dataset.runs)))).some((n) => n > 0 && n < 10), { timeout: 30_000 })
    .toBe(true);
  const midway = await view.locator('[data-testid="compare-row"]').evaluateAll((rows) => rows.map((r) => Number(r.dataset.runs)));
  await expect(view.getByTestId('plot-error').locator('svg').first()).toBeVisible();
  await expect(results).toHaveAttribute('data-running', 'true');
  expect(midway.every((n) => n < 10), `runs per scheme midway: ${midway.join(', ')}`).toBe(true);
  await page.screenshot({ path: 'docs/screenshots/compare-live-partial.png' });

  await expect(results).toHaveAttribute('data-running', 'false', { timeout: 120_000 });
  const firstMs = Date.now() - started;
  const rows = view.getByTestId('compare-row');
  await expect(rows).toHaveCount(4);
  for (const n of await rows.all()) await expect(n.getByTestId('compare-runs')).toHaveText('10/10');
  const table = await view.getByTestId('compare-table').innerText();
  await page.screenshot({ path: 'docs/screenshots/compare-live-done.png' });

  // The same choice again: every run is kept, so it ends at once with the same figures.
  const again = Date.now();
  await view.getByTestId('compare-run').click();
  await expect(view.getByTestId('compare-kept')).toContainText('40 of 40 runs kept from an earlier run');
  await expect(results).toHaveAttribute('data-running', 'false');
  const secondMs = Date.now() - again;
  expect(secondMs, `first run ${firstMs} ms, second ${secondMs} ms`).toBeLessThan(3_000);
  expect(await view.getByTestId('compare-table').innerText()).toBe(table);
  test.info().annotations.push({ type: 'timing', description: `first run ${firstMs} ms, kept re-run ${secondMs} ms` });

  // Kept in IndexedDB: after a reload the same choice is still shown at once.
  await page.reload();
  await run.view('compare');
  for (const scheme of ['IO', 'CoT', 'ToT']) await view.getByTestId(`compare-${scheme}`).check();
  await view.getByTestId('compare-to').fill('9');
  await view.getByTestId('compare-run').click();
  await expect(view.getByTestId('compare-kept')).toContainText('40 of 40 runs kept from an earlier run');
  expect(await view.getByTestId('compare-table').innerText()).toBe(table);

  await page.setViewportSize({ width: 853, height: 480 });
  await page.screenshot({ path: 'docs/screenshots/compare-live-853.png' });
});
