import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editorPage';

interface Entry {
  id: string;
  title: string;
  file: string;
}

test('the app opens on the GoT sorting-32 example and every gallery example opens without errors', async ({ page, request }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const ed = new EditorPage(page);
  await ed.open();
  await expect(page.getByTestId('doc-title')).toHaveValue(/Sorting 32.*GoT/);
  await ed.shot('gallery-start');

  const entries = (await (await request.get('/examples/index.json')).json()) as Entry[];
  expect(entries.length).toBeGreaterThan(10);
  for (const e of entries) {
    const doc = (await (await request.get(`/examples/${e.file}`)).json()) as { operations: unknown[] };
    await page.getByTestId('open-gallery').click();
    if (e === entries[0]) await ed.shot('gallery-dialog');
    await page.getByTestId(`gallery-${e.id}`).click();
    await expect(page.getByTestId('gallery')).toHaveCount(0);
    await expect(page.getByTestId('doc-title')).toHaveValue(e.title);
    // Every operation is drawn, alone or as a member of a folded stack ("×8" stands for 8 operations).
    await expect
      .poll(async () => {
        const drawn = await ed.opNodes().count();
        const stacks = await page.locator('[data-testid^="stack-badge-"]').allTextContents();
        return drawn + stacks.reduce((sum, t) => sum + Number(/×(\d+)/.exec(t)?.[1] ?? 1) - 1, 0);
      }, { message: `${e.id} draws every operation` })
      .toBe(doc.operations.length);
    await expect(page.getByTestId('validity'), `${e.id} validates`).toContainText('Ready to run');
  }
  expect(errors).toEqual([]);
});
