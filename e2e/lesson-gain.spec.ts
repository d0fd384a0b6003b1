import { expect, test, type Page } from '@playwright/test';
import { RunPage } from './support/runPage';

/** Opens the lesson as a visitor would: Help menu → "The longer the sequence, the higher the gain". */
async function openGainLesson(page: Page) {
  await page.getByTestId('help-menu').click();
  await page.getByTestId('help-lesson-gain').click();
  const lesson = page.getByTestId('lesson-gain');
  await expect(lesson).toBeVisible();
  return lesson;
}

const cellFigures = (page: Page, size: number) =>
  page
    .getByTestId('lesson-gain')
    .locator(`[data-testid="gain-cell"][data-size="${size}"]`)
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-scheme'), r.querySelector('[data-testid="gain-median"]')?.textContent, r.querySelector('[data-testid="gain-cost"]')?.textContent]));

test('the gain lesson runs five schemes at three sizes on the simulator in under a minute, filling in as runs finish, with numbers Compare agrees with', async ({ page }) => {
  test.setTimeout(120_000);
  const run = new RunPage(page);
  await run.open();
  const lesson = await openGainLesson(page);
  await expect(lesson.getByTestId('gain-rows')).toHaveValue('20');
  await lesson.getByTestId('gain-run').click();
  const results = lesson.getByTestId('gain-results');

  // Partial results while it runs: a cell with some but not all of its rows, and the chart drawn.
  await expect(results).toHaveAttribute('data-running', 'true');
  await expect
    .poll(async () => (await lesson.getByTestId('gain-cell').evaluateAll((r) => r.map((x) => Number(x.getAttribute('data-runs'))))).some((n) => n > 0 && n < 20))
    .toBe(true);
  await expect(lesson.getByTestId('plot-gain-median').locator('svg').first()).toBeVisible();
  await expect(results).toHaveAttribute('data-running', 'false', { timeout: 60_000 });
  expect(Number((await lesson.getByTestId('gain-elapsed').innerText()).match(/([\d.]+) s/)?.[1])).toBeLessThan(60);
  await expect(lesson.getByTestId('gain-cell')).toHaveCount(15);
  for (const cell of await lesson.getByTestId('gain-cell').all()) await expect(cell).toHaveAttribute('data-runs', '20');
  await expect(lesson.getByTestId('gain-reduction-row')).toHaveCount(3);
  await expect(lesson.getByTestId('plot-gain-reduction').locator('svg').first()).toBeVisible();
  const svg = page.waitForEvent('download');
  await lesson.getByTestId('plot-gain-median-svg').click();
  expect((await svg).suggestedFilename()).toBe('gain-median-error-sorting.svg');
  const png = page.waitForEvent('download');
  await lesson.getByTestId('plot-gain-reduction-png').click();
  expect((await png).suggestedFilename()).toBe('gain-reduction-sorting.png');
  const lesson32 = await cellFigures(page, 32);

  // Compare on the same rows at 32 finds every run kept from the lesson and reports the same medians and costs.
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  await run.view('compare');
  const view = page.getByTestId('compare-view');
  for (const scheme of ['IO', 'CoT', 'ToT', 'ToT2']) await view.getByTestId(`compare-${scheme}`).check();
  await view.getByTestId('compare-run').click();
  await expect(view.getByTestId('compare-kept')).toContainText('100 of 100 runs kept from an earlier run');
  const compared = await view
    .getByTestId('compare-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)).map((td) => [td[0]?.replace(' (this graph)', ''), td[2], td[7]]));
  const bySchemeInCompare = new Map(compared.map(([scheme, median, cost]) => [scheme, [median, cost]]));
  for (const [scheme, median, cost] of lesson32) expect(bySchemeInCompare.get(scheme ?? ''), `${scheme} at 32`).toEqual([median, cost]);
});
