import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { RunPage } from './support/runPage';

const GALLERY = JSON.parse(readFileSync(new URL('../public/recordings/index.json', import.meta.url), 'utf8')) as Array<{ id: string; thoughts: number; requests: number }>;

/** What a run shows of its final thought and totals: the figures a replay must reproduce. */
async function finalFigures(run: RunPage) {
  const id = await run.selectFinalThought();
  await run.tab('summary');
  return {
    id,
    requests: await run.summary('requests').textContent(),
    completions: await run.summary('completions').textContent(),
    critical: await run.summary('critical').textContent(),
    score: await run.summary('score').textContent(),
    cost: await run.summary('cost').textContent(),
  };
}

async function thoughtFigures(run: RunPage, id: string) {
  await run.tab('summary');
  await run.page.getByTestId(`final-${id}`).click();
  await run.tab('detail');
  return { volume: await run.page.getByTestId('detail-volume').textContent(), latency: await run.page.getByTestId('detail-latency').textContent() };
}

async function openRecordingFile(page: Page, name: string, text: string) {
  await page.getByTestId('menu-file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const position = async (page: Page) => {
  const m = /event (\d+)\/(\d+)/.exec((await page.getByTestId('timeline-position').textContent()) ?? '');
  return { at: Number(m?.[1]), total: Number(m?.[2]) };
};

test('a run saved as a recording replays with the network blocked: the same final thought, volume and latency', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await run.view('split');
  await run.runSorting32ToCompletion();
  const original = await finalFigures(run);
  const originalThought = await thoughtFigures(run, original.id);
  await run.tab('summary');
  const download = page.waitForEvent('download');
  await page.getByTestId('save-recording').click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  expect(file.suggestedFilename()).toMatch(/\.gotrec\.json$/);

  // A fresh app with no model reachable: the API aborted, then the browser offline once the app is loaded.
  const calls: string[] = [];
  page.on('request', (r) => r.url().includes('/api/') && calls.push(r.url()));
  await page.route('**/api/**', (route) => route.abort());
  await run.open();
  // The app has fetched what runs and replays need (it does so in idle time after the first screen).
  await expect(page.locator('html')).toHaveAttribute('data-run-views', 'ready');
  await page.context().setOffline(true);
  await openRecordingFile(page, file.suggestedFilename(), text);
  await run.expectThoughts(33);
  for (const speed of ['instant', '10×']) {
    await page.getByTestId(`replay-${speed}`).click();
    await expect(page.getByTestId('replay-stop')).toHaveCount(0, { timeout: 20_000 });
    await run.expectThoughts(33);
    expect(await finalFigures(run)).toEqual(original);
    expect(await thoughtFigures(run, original.id)).toEqual(originalThought);
  }
  expect(calls).toEqual([]);
});

test('scrubbing to the middle of a run shows both views as they were then, and steps go back and forth', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery-rec-sorting-032-got').click();
  await run.expectThoughts(33);
  const { total } = await position(page);
  const scrubber = page.getByTestId('timeline-scrubber');
  await scrubber.fill(String(Math.floor(total / 2)));
  expect((await position(page)).at).toBe(Math.floor(total / 2));
  const middle = await run.thoughtCount();
  expect(middle).toBeGreaterThan(1);
  expect(middle).toBeLessThan(33);
  // The operations view at that moment: some operation still running or waiting, none of the last ones done.
  const statuses = await page.locator('[data-testid^="op-status-"]').allTextContents();
  expect(statuses.some((s) => s === 'running' || s === 'waiting')).toBe(true);
  expect(statuses.filter((s) => s === 'done').length).toBeLessThan(statuses.length);
  // The thoughts camera follows the moment shown: cards of that moment are on screen.
  await expect(run.thoughtCards().first()).toBeInViewport();
  await run.shot('timeline-middle');

  await page.getByTestId('tl-forward').click();
  expect((await position(page)).at).toBe(Math.floor(total / 2) + 1);
  await page.getByTestId('tl-back').click();
  await page.getByTestId('tl-back').click();
  expect((await position(page)).at).toBe(Math.floor(total / 2) - 1);
  // Keys: . forward one event ([ and ] are the panels' keys and must not move the timeline).
  await page.keyboard.press('.');
  expect((await position(page)).at).toBe(Math.floor(total / 2));
  await page.keyboard.press(',');
  expect((await position(page)).at).toBe(Math.floor(total / 2) - 1);
  await page.keyboard.press('.');
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  expect((await position(page)).at).toBe(Math.floor(total / 2));
  await page.keyboard.press('>');
  expect((await position(page)).at).toBeGreaterThan(Math.floor(total / 2));
  await page.keyboard.press('<');
  expect((await position(page)).at).toBeLessThanOrEqual(Math.floor(total / 2));
  await scrubber.fill(String(Math.floor(total / 2)));
  await page.getByTestId('tl-op-back').click();
  expect((await position(page)).at).toBeLessThan(Math.floor(total / 2));
  await scrubber.fill('1');
  await expect(run.grs()).toHaveAttribute('data-thoughts', '0');
  await page.getByTestId('tl-op-forward').click();
  // Zoomed out, a running operation's strip is a coloured bar (its words show when zoomed in).
  await expect(page.locator('[data-testid^="op-strip-"][data-status="running"]').first()).toBeVisible();
  await page.getByTestId('tl-live').click();
  await run.expectThoughts(33);
  await expect(page.locator('[data-testid^="op-status-"]', { hasText: 'running' })).toHaveCount(0);
});

test('each gallery recording opens in one click with its whole run', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  for (const entry of GALLERY) {
    await page.getByTestId('open-gallery').click();
    await page.getByTestId(`gallery-rec-${entry.id}`).click();
    await expect(page.getByTestId('gallery')).toHaveCount(0);
    await run.expectThoughts(entry.thoughts);
    await run.tab('summary');
    await expect(run.summary('status')).toHaveText('completed');
    await expect(run.summary('requests')).toHaveText(String(entry.requests));
  }
});

test('a run from History saves as a recording, and that file dropped on the canvas opens with its whole run', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await run.view('split');
  await run.runSorting32ToCompletion();
  await run.tab('history');
  const download = page.waitForEvent('download');
  await page.getByTestId('history-save-recording').first().click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('"got-studio-recording"');

  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-new').click();
  await expect(run.editor.opNodes()).toHaveCount(0);
  const drop = await page.evaluateHandle(
    ({ name, body }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], name, { type: 'application/json' }));
      return dt;
    },
    { name: file.suggestedFilename(), body: text },
  );
  await run.editor.canvas().dispatchEvent('dragover', { dataTransfer: drop });
  await run.editor.canvas().dispatchEvent('drop', { dataTransfer: drop });
  await run.expectThoughts(33);
  await expect(run.editor.opNodes()).not.toHaveCount(0);
  await run.tab('summary');
  await expect(run.summary('status')).toHaveText('completed');
  await expect(run.summary('requests')).toHaveText('5');
});
