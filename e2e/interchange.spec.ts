import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { RunPage } from './support/runPage';

/** A small output_graph file as the reference framework writes it (Python writes NaN for a score it could not compute). */
const OUTPUT_GRAPH = `[
  {"operation": "generate", "thoughts": [{"current": "[3, 1, 2]"}, {"current": "[1, 2, 3]"}]},
  {"operation": "score", "thoughts": [{"current": "[3, 1, 2]"}, {"current": "[1, 2, 3]"}], "scored": [true, true], "scores": [NaN, 0]},
  {"operation": "keep_best_n", "thoughts": [{"current": "[1, 2, 3]"}], "scored": [true], "scores": [0]},
  {"prompt_tokens": 90, "completion_tokens": 30, "cost": 0.0}
]`;

test('a reference output opens in the Thoughts view with its no-lineage banner and each operation\u2019s thoughts', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await page.getByTestId('menu-file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (await chooser).setFiles({ name: 'sorting.output.json', mimeType: 'application/json', buffer: Buffer.from(OUTPUT_GRAPH) });
  await expect(page.getByTestId('history-banner')).toHaveText('Imported from the reference framework: no lineage, thoughts shown per operation (sorting.output.json)');
  await run.expectThoughts(6);
  await page.screenshot({ path: 'docs/screenshots/reference-import.png' });
  // The file has no request count or timings: the summary says so instead of showing 0.
  await run.tab('summary');
  for (const figure of ['requests', 'completions', 'wall'] as const) {
    const cell = run.summary(figure).getByTestId('not-recorded');
    await expect(cell).toHaveText('—');
    await expect(cell).toHaveAttribute('title', 'not in the file');
  }
  await expect(run.summary('cost')).toHaveText('$0');
});

test("File → Export to Python shows the export's notes, stays usable at 150% zoom and downloads the script", async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-export-python').click();
  await expect(page.getByTestId('python-export-notes')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/python-export-1280.png' });
  // At 150% browser zoom (an 853x480 CSS viewport) the download button stays on screen.
  await page.setViewportSize({ width: 853, height: 480 });
  await expect(page.getByTestId('python-export-download')).toBeInViewport();
  await page.screenshot({ path: 'docs/screenshots/python-export-853.png' });
  const download = page.waitForEvent('download');
  await page.getByTestId('python-export-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.py$/);
  expect(readFileSync(await file.path(), 'utf8')).toContain('operations.GraphOfOperations()');
});
