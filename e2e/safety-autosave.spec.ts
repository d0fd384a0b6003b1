import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editorPage';

test.describe('an edit survives a reload at any moment', () => {
  for (const waitMs of [0, 50, 200]) {
    test(`a node dropped on the canvas is still there after a reload ${waitMs} ms later`, async ({ page }) => {
      const ed = new EditorPage(page);
      await ed.open();
      await expect(ed.opNodes()).toHaveCount(16);
      const id = await ed.dragOperation('generate', 640, 560);
      if (waitMs) await page.waitForTimeout(waitMs);
      await page.reload();
      await expect(ed.canvas().locator('.react-flow__viewport')).toBeVisible();
      await expect(ed.opNodes()).toHaveCount(17);
      await expect(ed.node(id)).toHaveCount(1);
    });
  }

  test('a title typed just before a reload is kept, and a second reload keeps it too', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open();
    await page.getByTestId('doc-title').fill('Typed then reloaded');
    await page.reload();
    await expect(page.getByTestId('doc-title')).toHaveValue('Typed then reloaded');
    await page.reload();
    await expect(page.getByTestId('doc-title')).toHaveValue('Typed then reloaded');
    // Once IndexedDB holds the edit, the synchronous copy is retired.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('got-studio:write-ahead'))).toBeNull();
  });
});
