import { expect, test, type Page } from '@playwright/test';
import { LessonPage, SCHEMES_LESSON, GAIN_LESSON } from './support/lessonPage';
import { RunPage } from './support/runPage';

const SCHEMES = ['IO', 'CoT', 'CoT-SC', 'ToT', 'GoT'] as const;
const SHOTS = 'docs/screenshots';

/** Opens the app on its default example with the simulator answering at once. */
async function openFast(page: Page): Promise<{ run: RunPage; lessons: LessonPage }> {
  const run = new RunPage(page);
  await run.open();
  await run.setModel({ latencyMs: 0 });
  await run.saveModel();
  return { run, lessons: new LessonPage(page) };
}

/** The summary of the run on screen, as the engine's reducer rebuilt it from the run's events (dev builds expose the store). */
const shownSummary = (page: Page) =>
  page.evaluate(() => {
    const store = (window as unknown as { __gotStore: { getState(): { live: { grs: { summary: { bestScore: number | null; cost: number } | null } } } } }).__gotStore;
    return store.getState().live.grs.summary;
  });

test('both lessons open under their names from the Help menu and from the gallery, and Esc or Close gives the user’s graph back', async ({ page }) => {
  const { run, lessons } = await openFast(page);
  const title = await page.getByTestId('doc-title').inputValue();
  const ops = await run.editor.opNodes().count();

  await page.getByTestId('help-menu').click();
  await page.screenshot({ path: `${SHOTS}/lesson-schemes-help-menu.png` });
  await page.getByTestId('help-menu').click();
  await lessons.openFromHelp('schemes');
  await expect(page.getByTestId('lesson-title')).toHaveText(SCHEMES_LESSON);
  await lessons.next('IO');
  await expect(page.getByTestId('doc-title')).toHaveValue(/Sorting 64 numbers · IO/);
  await expect(page.getByTestId('lesson-figures')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(lessons.lesson()).toHaveCount(0);
  await expect(page.getByTestId('doc-title')).toHaveValue(title);
  await expect(run.editor.opNodes()).toHaveCount(ops);

  await page.getByTestId('open-gallery').click();
  await expect(page.getByTestId('gallery-lesson-schemes')).toHaveText(new RegExp(SCHEMES_LESSON));
  await expect(page.getByTestId('gallery-lesson-gain')).toHaveText(new RegExp(GAIN_LESSON));
  await page.screenshot({ path: `${SHOTS}/lesson-schemes-gallery.png` });
  await page.keyboard.press('Escape');
  await lessons.openFromGallery('schemes');
  await expect(page.getByTestId('lesson-title')).toHaveText(SCHEMES_LESSON);
  await lessons.close();

  await lessons.openFromHelp('gain');
  await expect(page.getByTestId('lesson-title')).toHaveText(GAIN_LESSON);
  await expect(page.getByTestId('lesson-gain')).toBeAttached();
  await lessons.close();
  await lessons.openFromGallery('gain');
  await expect(page.getByTestId('lesson-gain')).toBeAttached();
  await lessons.close();
  await expect(page.getByTestId('doc-title')).toHaveValue(title);
});

test('the lesson runs every scheme on the simulator and ends on Table 2 beside figures that are each run’s own', async ({ page }) => {
  test.setTimeout(240_000);
  const { run, lessons } = await openFast(page);
  await lessons.openFromHelp('schemes');
  await lessons.runAll();
  await page.screenshot({ path: `${SHOTS}/lesson-schemes-table-1280.png` });

  const rows = Object.fromEntries(await Promise.all(SCHEMES.map(async (s) => [s, await lessons.row(s)] as const)));
  await expect(page.getByTestId('lesson-nk-CoT-SC')).toHaveText('N = 5 · k = 5');
  await expect(page.getByTestId('lesson-paper-latency-CoT-SC')).toHaveText('N/k = 1');
  await expect(page.getByTestId('lesson-nk-ToT')).toContainText('k = 20');
  await expect(page.getByTestId('lesson-nk-GoT')).toContainText('k = 2');
  const n = Number((await page.getByTestId('lesson-nk-GoT').innerText()).match(/N = (\d+)/)![1]);
  await expect(page.getByTestId('lesson-paper-volume-GoT')).toHaveText(`N = ${n}`);
  await expect(page.getByTestId('lesson-paper-latency-GoT')).toContainText('log_k N');
  // GoT's final thought sees far more thoughts than ToT's for a latency of the same order.
  expect(rows.GoT!.volume).toBeGreaterThan(rows.ToT!.volume);

  // Back through the steps: each run is shown again as it ran, and the Thoughts view's final thought and the run's summary agree with the table.
  for (const scheme of [...SCHEMES].reverse()) {
    await lessons.back(scheme);
    // One final thought on screen (a card, or a pill on the far level), showing the table's volume and latency.
    const figures = (s: string) => s.replace(/\s+/g, '');
    await expect
      .poll(async () => (await run.shownFinals()).map((f) => `${figures(f.volume)} ${figures(f.latency)}`), { timeout: 10_000 })
      .toEqual([`V${rows[scheme]!.volume} L${rows[scheme]!.latency}`]);
    const summary = await shownSummary(page);
    expect(summary?.bestScore, scheme).toBe(rows[scheme]!.error);
    expect(Number(rows[scheme]!.cost.replace('$', '')), scheme).toBeCloseTo(summary!.cost, 4);
    if (scheme === 'GoT') await page.screenshot({ path: `${SHOTS}/lesson-schemes-step-1280.png` });
  }
});

test('at 150 % zoom (853×480) the captions, the table and its note are readable: no text under 10 px, nothing cut off', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 853, height: 480 });
  const { lessons } = await openFast(page);
  await lessons.openFromGallery('schemes');
  await lessons.next('IO');
  await page.screenshot({ path: `${SHOTS}/lesson-schemes-step-853.png` });
  const smallest = (testId: string) =>
    page.getByTestId(testId).evaluate((root) => {
      let min = Infinity;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!n.textContent?.trim() || !n.parentElement) continue;
        min = Math.min(min, parseFloat(getComputedStyle(n.parentElement).fontSize));
      }
      return min;
    });
  expect(await smallest('lesson-caption')).toBeGreaterThanOrEqual(10);
  await lessons.runAll();
  await page.screenshot({ path: `${SHOTS}/lesson-schemes-table-853.png` });
  for (const id of ['lesson-caption', 'lesson-table', 'lesson-note']) expect(await smallest(id), id).toBeGreaterThanOrEqual(10);
  // The table fits the window's width: no column is cut off.
  const box = (await page.getByTestId('lesson-table').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(853);
});

test('a reload in the middle of a lesson opens the user’s own graph, not the lesson’s', async ({ page }) => {
  const { run, lessons } = await openFast(page);
  await page.getByTestId('doc-title').fill('My own sorting graph');
  const ops = await run.editor.opNodes().count();
  await lessons.openFromHelp('schemes');
  await lessons.next('IO');
  await expect(page.getByTestId('doc-title')).toHaveValue(/Sorting 64 numbers · IO/);
  // Past the autosave's delay: what it wrote while the lesson was open is what the reload finds.
  await page.waitForTimeout(2000);
  await page.reload();
  await expect(page.getByTestId('doc-title')).toHaveValue('My own sorting graph');
  await expect(run.editor.opNodes()).toHaveCount(ops);
  await expect(lessons.lesson()).toHaveCount(0);
});
