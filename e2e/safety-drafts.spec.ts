import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editorPage';

async function openRecent(page: Page, title: string): Promise<void> {
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-recent').click();
  await page.getByTestId('recent-item').filter({ hasText: title }).first().click();
  await expect(page.getByTestId('doc-title')).toHaveValue(title);
}

test('a share link opened over an unsaved draft puts the draft under Recent, where it opens intact', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.getByTestId('doc-title').fill('Shared graph');
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-share').click();
  const shareUrl = (await page.getByTestId('share-url').inputValue()).replace(/^https?:\/\/[^/]+/, '');
  await page.keyboard.press('Escape');

  // The draft: renamed and one node more than the shared graph; never saved to a file.
  await page.getByTestId('doc-title').fill('My unsaved draft');
  const added = await ed.dragOperation('generate', 640, 560);
  await page.goto('about:blank');
  await ed.open(shareUrl);
  await expect(page.getByTestId('doc-title')).toHaveValue('Shared graph');
  await page.getByTestId('doc-title').fill('Shared graph, edited');
  await page.reload();
  await expect(page.getByTestId('doc-title')).toHaveValue('Shared graph, edited');

  await openRecent(page, 'My unsaved draft');
  await expect(ed.opNodes()).toHaveCount(17);
  await expect(ed.node(added)).toHaveCount(1);
});

test('an edited file restored by a reload is still unsaved: opening an example puts it under Recent', async ({ page }, info) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.getByTestId('doc-title').fill('From a file');
  const download = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+S');
  const file = info.outputPath('from-a-file.got.json');
  await (await download).saveAs(file);
  await page.getByTestId('menu-file').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('file-open').click();
  await (await chooser).setFiles(file);
  await expect(page.getByTestId('file-status')).toHaveText('from-a-file.got.json');

  await page.getByTestId('doc-title').fill('From a file, edited');
  await page.reload();
  await expect(page.getByTestId('doc-title')).toHaveValue('From a file, edited');
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery-empty').click();
  await expect(ed.opNodes()).toHaveCount(0);

  await openRecent(page, 'From a file, edited');
  await expect(ed.opNodes()).toHaveCount(16);
});
