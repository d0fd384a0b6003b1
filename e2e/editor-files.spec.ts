import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editorPage';

test('save downloads the graph, a reload restores it from autosave, and Open reads the saved file back', async ({ page }, info) => {
  const ed = new EditorPage(page);
  await ed.open();
  await expect(ed.opNodes()).toHaveCount(16);
  await page.getByTestId('doc-title').fill('My sorting graph');
  await ed.select('keep-best-1');
  await ed.setNumber('n', 2);
  await ed.blurFields();

  const download = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+S');
  const file = info.outputPath('saved.got.json');
  await (await download).saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.title).toBe('My sorting graph');
  expect(saved.operations.find((o: { id: string }) => o.id === 'keep-best-1').params.n).toBe(2);
  await expect(page.getByTestId('file-status')).toHaveText('my-sorting-graph.got.json');

  // A later edit that was never saved to a file survives a reload through autosave.
  await ed.select('keep-best-2');
  await ed.setNumber('n', 3);
  await page.waitForTimeout(1000);
  await page.reload();
  await expect(page.getByTestId('doc-title')).toHaveValue('My sorting graph');
  await ed.select('keep-best-2');
  await expect(ed.field('n').locator('input')).toHaveValue('3');
  await ed.shot('files-restored');

  // Open the saved file: n is 2 again on keep-best-2's sibling, and 1 on keep-best-2.
  await page.getByTestId('menu-file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('file-status')).toHaveText('saved.got.json');
  await ed.select('keep-best-2');
  await expect(ed.field('n').locator('input')).toHaveValue('1');
});

test('opening a broken file lists what is wrong and where, and the open graph is untouched', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.getByTestId('doc-title').fill('Keep me');
  const before = await ed.opNodes().count();

  const open = async (name: string, text: string) => {
    await page.getByTestId('menu-file').click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('file-open').click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  };

  await open('broken.got.json', '{\n  "format": "got-studio",\n  "version": 2,\n  "operations": [ { "id": "a",, } ]\n}');
  const dialog = page.getByTestId('open-problems');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('broken.got.json');
  await expect(dialog.getByTestId('open-problem').first()).toContainText('line 4');
  await ed.shot('files-broken');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();

  await open('foreign.got.json', JSON.stringify({ format: 'got-studio', version: 2, operations: [{ id: 'x', type: 'teleport', inputs: [], params: {} }] }));
  await expect(page.getByTestId('open-problems')).toContainText("'x'");
  await expect(page.getByTestId('open-problems')).toContainText('teleport');
  await page.keyboard.press('Escape');

  await expect(page.getByTestId('doc-title')).toHaveValue('Keep me');
  await expect(ed.opNodes()).toHaveCount(before);
});

test('a share link opens the same graph in a fresh tab', async ({ page, context }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.getByTestId('doc-title').fill('Shared graph');
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-share').click();
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toContain('#graph=');
  const other = await context.newPage();
  const ed2 = new EditorPage(other);
  await ed2.open(url.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('doc-title')).toHaveValue('Shared graph');
  await expect(ed2.opNodes()).toHaveCount(16);
});

test('the canvas exports as PNG and SVG, and saved documents appear under Recent', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  for (const [item, ext] of [
    ['file-export-png', 'png'],
    ['file-export-svg', 'svg'],
  ] as const) {
    await page.getByTestId('menu-file').click();
    const download = page.waitForEvent('download');
    await page.getByTestId(item).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
    if (ext === 'svg') {
      // The edges must carry their stroke inline, or they vanish from the picture.
      const svg = decodeURIComponent(readFileSync((await file.path())!, 'utf8').replace(/%(?![0-9A-F]{2})/gi, '%25'));
      expect(svg).toMatch(/<path[^>]*class="react-flow__edge-path"[^>]*style="[^"]*stroke: rgb/);
    }
  }
  const download = page.waitForEvent('download');
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-save').click();
  await download;
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-recent').click();
  await expect(page.getByTestId('recent-item').first()).toContainText('Sorting 32 numbers');
});

test('a full storage pauses autosave with a visible warning and the open graph keeps every edit', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if ((window as unknown as { __storageFull?: boolean }).__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const ed = new EditorPage(page);
  await ed.open();
  await page.evaluate(() => ((window as unknown as { __storageFull?: boolean }).__storageFull = true));
  await page.getByTestId('doc-title').fill('Edited while full');
  await expect(page.getByTestId('toast-error')).toContainText('storage is full');
  await expect(page.getByTestId('autosave-error')).toBeVisible();
  await ed.shot('files-storage-full');
  await expect(page.getByTestId('doc-title')).toHaveValue('Edited while full');
  await page.evaluate(() => ((window as unknown as { __storageFull?: boolean }).__storageFull = false));
  await page.getByTestId('doc-title').fill('Edited after space freed');
  await expect(page.getByTestId('autosave-error')).toHaveCount(0);
});

test('a graph replaced by New is kept under Recent', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.getByTestId('doc-title').fill('Work in progress');
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-new').click();
  await expect(ed.opNodes()).toHaveCount(0);
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-recent').click();
  await page.getByTestId('recent-item').filter({ hasText: 'Work in progress' }).click();
  await expect(page.getByTestId('doc-title')).toHaveValue('Work in progress');
  await expect(ed.opNodes()).toHaveCount(16);
});
