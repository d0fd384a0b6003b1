import { expect, test } from '@playwright/test';
import { RunPage } from './support/runPage';

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
});
