import { expect, test, type Page } from '@playwright/test';
import { RunPage } from './support/runPage';

/** The figures the run summary shows, as the comparison must repeat them. */
async function summaryFigures(run: RunPage): Promise<Record<string, string>> {
  await run.tab('summary');
  const out: Record<string, string> = {};
  for (const [field, row] of [['requests', 'requests'], ['cost', 'cost'], ['score', 'score'], ['wall', 'wall'], ['solved', 'solved']] as const) {
    out[row] = ((await run.summary(field).textContent()) ?? '').trim();
  }
  return out;
}

/** Checks the comparison's summary row of one side against that run's own summary. */
async function expectSide(page: Page, side: 'original' | 'fork', figures: Record<string, string>): Promise<void> {
  for (const [row, value] of Object.entries(figures)) await expect(page.getByTestId(`cmp-${side}-${row}`)).toHaveText(value);
}

/** Edits the first thought of the sorting-32 graph's first branch and re-runs what depends on it. */
async function forkFirstBranch(run: RunPage): Promise<void> {
  const page = run.page;
  await run.editor.select('solve-1');
  await run.tab('detail');
  await page.getByTestId('operation-detail').locator('[data-testid^="op-made-"]').first().click();
  await page.getByTestId('fork-edit').click();
  const box = page.getByTestId('fork-state');
  const state = JSON.parse(await box.inputValue()) as Record<string, unknown>;
  await box.fill(JSON.stringify({ ...state, current: [0, 0, 0, 1, 1, 1, 2, 2] }));
  await page.getByTestId('fork-rerun').click();
  await run.waitDone();
}

test.describe('forks of a finished run', () => {
  test('editing a thought of one branch re-runs only what depends on it, and keeps the original in History', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    // With the response cache on, an unchanged prompt downstream is a cache hit: off, every re-run call is a request.
    await run.setModel({ cache: false });
    await run.saveModel();
    await run.runSorting32ToCompletion();
    // A thought of the first branch: its Score, Keep Best, the merge and the refine depend on it (2 of the 5 requests).
    await run.editor.select('solve-1');
    await run.tab('detail');
    await page.getByTestId('operation-detail').locator('[data-testid^="op-made-"]').first().click();
    await expect(page.getByTestId('thought-detail')).toBeVisible();
    await page.getByTestId('fork-edit').click();
    const box = page.getByTestId('fork-state');
    const state = JSON.parse(await box.inputValue()) as Record<string, unknown>;
    await box.fill(JSON.stringify({ ...state, current: [0, 0, 0, 1, 1, 1, 2, 2] }));
    await run.shot('fork-1-edit');
    await page.getByTestId('fork-rerun').click();
    await run.waitDone();
    await run.tab('summary');
    await expect(run.summary('status')).toHaveText('completed');
    await expect(run.summary('requests')).toHaveText('2');
    // The edited thought is in the fork, marked as carried over and edited.
    await run.editor.select('solve-2');
    await run.editor.select('solve-1');
    await run.tab('detail');
    await page.getByTestId('operation-detail').locator('[data-testid^="op-made-"]').first().click();
    await expect(page.getByTestId('fork-carried')).toContainText('Edited by you');
    await run.shot('fork-2-rerun-done');
    await run.tab('history');
    await expect(page.getByTestId('history-open')).toHaveCount(2);
  });

  test('re-running from an operation requests only it and what follows', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    // With the response cache on, an unchanged prompt downstream is a cache hit: off, every re-run call is a request.
    await run.setModel({ cache: false });
    await run.saveModel();
    await run.runSorting32ToCompletion();
    await run.editor.select('refine-1-1');
    await run.tab('detail');
    await page.getByTestId('fork-rerun-op').click();
    await run.waitDone();
    await run.tab('summary');
    await expect(run.summary('status')).toHaveText('completed');
    await expect(run.summary('requests')).toHaveText('1');
  });

  test('a fork and its original open side by side, from the fork controls and from History, with each run\u2019s summary figures', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ cache: false });
    await run.saveModel();
    await run.runSorting32ToCompletion();
    const original = await summaryFigures(run);
    await forkFirstBranch(run);
    const fork = await summaryFigures(run);
    expect(fork.requests).toBe('2');

    // From the fork controls (the run summary of the fork on screen).
    await page.getByTestId('run-summary').getByTestId('fork-compare-open').click();
    const dialog = page.getByTestId('fork-compare');
    await expect(dialog).toBeVisible();
    await expectSide(page, 'original', original);
    await expectSide(page, 'fork', fork);
    await expect(page.getByTestId('cmp-original-final')).not.toHaveText('—');
    await expect(page.getByTestId('cmp-fork-final')).not.toHaveText('—');
    // Both final thoughts are drawn on the canvas, on screen, each marked as its side's own.
    await expect(page.getByTestId('cmp-final-original')).toBeInViewport();
    await expect(page.getByTestId('cmp-final-fork')).toBeInViewport();
    await expect(page.getByTestId('cmp-final-original')).toHaveAttribute('data-mark', 'replaced');
    await expect(page.getByTestId('cmp-final-fork')).toHaveAttribute('data-mark', 'new');
    await expect(page.getByTestId('fork-compare-counts')).toContainText('edited: 1');
    // The edited thought is drawn (never folded away), with its pre-edit version on the original's side.
    await expect(dialog.locator('[data-mark="edited"]')).toHaveCount(1);
    // Card text stays readable at the zoom the comparison opens on.
    const textPx = await page.getByTestId('cmp-final-fork').locator('.cmp-card-text').evaluate((el) => {
      const zoom = new DOMMatrixReadOnly(getComputedStyle(el.closest('.react-flow__viewport') as Element).transform).a;
      return parseFloat(getComputedStyle(el).fontSize) * zoom;
    });
    expect(textPx).toBeGreaterThanOrEqual(9);
    await page.screenshot({ path: 'docs/screenshots/fork-compare-1280.png' });
    await page.setViewportSize({ width: 853, height: 480 });
    await expect(page.getByTestId('dialog-close')).toBeInViewport();
    await page.screenshot({ path: 'docs/screenshots/fork-compare-853.png' });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('dialog-close').click();

    // From History: pick the two runs.
    await run.tab('history');
    await expect(page.getByTestId('history-compare')).toBeDisabled();
    await page.getByTestId('history-pick').nth(0).check();
    await page.getByTestId('history-pick').nth(1).check();
    await expect(page.getByTestId('history-compare')).toBeEnabled();
    await page.getByTestId('history-compare').click();
    await expectSide(page, 'original', original);
    await expectSide(page, 'fork', fork);
    await page.screenshot({ path: 'docs/screenshots/fork-compare-history.png' });
  });
});
