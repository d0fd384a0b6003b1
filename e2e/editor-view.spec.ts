import { expect, test, type Page } from '@playwright/test';
import { EditorPage } from './support/editorPage';
import { canvasLegibility } from './support/legibility';

const zoomOf = (page: Page) =>
  page.getByTestId('canvas').locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

/** Elements of the top bar whose text is cut off (wider or taller than their box). */
const cutInTopBar = (page: Page) =>
  page.getByTestId('topbar').evaluate((bar) =>
    [bar, ...bar.querySelectorAll<HTMLElement>('[data-testid="doc-title"], [data-testid="file-status"], [data-testid="run-status"], button')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.getAttribute('data-testid') ?? el.textContent),
  );

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`at ${size.width}×${size.height} the opening example is readable whole from its input and the top bar shows name, save and run status whole`, async ({ page }) => {
    await page.setViewportSize(size);
    const ed = new EditorPage(page);
    await ed.open();
    await expect.poll(async () => (await canvasLegibility(page)).smallestTitleLine).toBeGreaterThanOrEqual(10);
    expect((await canvasLegibility(page)).outside).toEqual([]);
    const canvas = (await ed.canvas().boundingBox())!;
    const input = (await page.getByTestId('input-node').boundingBox())!;
    expect(input.x).toBeGreaterThanOrEqual(canvas.x);
    expect(input.y).toBeGreaterThanOrEqual(canvas.y);
    expect(input.y + input.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    await expect(ed.node('split')).toBeInViewport();
    await ed.shot(`view-start-${size.width}`);

    await page.getByTestId('run-start').click();
    await expect(page.getByTestId('run-status')).toContainText('Done', { timeout: 60_000 });
    await expect(page.getByTestId('file-status')).toHaveText('Draft');
    expect(await cutInTopBar(page)).toEqual([]);
    await page.getByTestId('topbar').screenshot({ path: `test-results/screens/view-topbar-${size.width}.png` });
  });
}

test('every gallery example of up to 30 operations opens whole with titles at least 10 px tall; the larger ones open whole', async ({ page, request }) => {
  test.setTimeout(180_000);
  const ed = new EditorPage(page);
  await ed.open();
  const entries = (await (await request.get('/examples/index.json')).json()) as Array<{ id: string }>;
  for (const e of entries) {
    await page.getByTestId('open-gallery').click();
    await page.getByTestId(`gallery-${e.id}`).click();
    await expect(page.getByTestId('gallery')).toHaveCount(0);
    await expect(page.getByTestId('input-node'), e.id).toBeInViewport();
    await expect.poll(async () => (await canvasLegibility(page)).outside, e.id).toEqual([]);
    const m = await canvasLegibility(page);
    if (m.nodes <= 32) expect(m.smallestTitleLine, e.id).toBeGreaterThanOrEqual(10);
  }
});

test('zoom buttons, fit view, the minimap and the undo/redo buttons beside them', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await expect(ed.canvas().locator('.react-flow__minimap')).toBeVisible();
  await expect(page.getByTestId('undo')).toBeDisabled();
  // The start view settles a moment after load (panels beside the canvas mount and refit first).
  await expect.poll(async () => (await canvasLegibility(page)).smallestTitleLine).toBeGreaterThanOrEqual(10);
  await page.waitForTimeout(500);
  const start = await zoomOf(page);
  await ed.canvas().getByRole('button', { name: /zoom in/i }).click();
  await expect.poll(() => zoomOf(page)).toBeGreaterThan(start);
  await ed.canvas().getByRole('button', { name: /fit view/i }).click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(start);
  await page.keyboard.press('Shift+C');
  await expect(ed.canvas().locator('.react-flow__node-comment')).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(ed.canvas().locator('.react-flow__node-comment')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(ed.canvas().locator('.react-flow__node-comment')).toHaveCount(1);
  // A three-operation graph fits without being blown up past 100 %.
  await page.getByTestId('open-gallery').click();
  await page.getByTestId('gallery-sorting-032-io').click();
  await ed.canvas().getByRole('button', { name: /fit view/i }).click();
  await page.waitForTimeout(300);
  expect(await zoomOf(page)).toBeLessThanOrEqual(1);
  await page.keyboard.press('Shift+!');
  await page.waitForTimeout(300);
  expect(await zoomOf(page)).toBeLessThanOrEqual(1);
});

test('Ctrl-click selects several operations; they move together and one undo puts them back', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('select-1');
  await ed.node('select-2').locator('.op-node-head').click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('inspector')).toContainText('2 items selected');
  const before = [(await ed.node('select-1').boundingBox())!, (await ed.node('select-2').boundingBox())!];
  const head = (await ed.node('select-2').locator('.op-node-head').boundingBox())!;
  await page.mouse.move(head.x + 20, head.y + 8);
  await page.mouse.down();
  await page.mouse.move(head.x + 60, head.y + 80, { steps: 8 });
  await page.mouse.up();
  const after = [(await ed.node('select-1').boundingBox())!, (await ed.node('select-2').boundingBox())!];
  expect(after[0]!.y - before[0]!.y).toBeGreaterThan(30);
  expect(Math.round(after[1]!.y - before[1]!.y)).toBe(Math.round(after[0]!.y - before[0]!.y));
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => Math.round((await ed.node('select-1').boundingBox())!.y)).toBe(Math.round(before[0]!.y));
  await expect.poll(async () => Math.round((await ed.node('select-2').boundingBox())!.y)).toBe(Math.round(before[1]!.y));
});

test('with the File System Access API, Save writes back to the opened file and Save as asks where', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const writes: Array<{ name: string; text: string }> = [];
    let dialogs = 0;
    const handle = (name: string) => ({
      name,
      getFile: async () => new File([await (await fetch('/examples/sorting-032-io.got.json')).text()], name),
      createWritable: async () => {
        let text = '';
        return { write: async (t: string) => void (text += t), close: async () => void writes.push({ name, text }) };
      },
    });
    w.__writes = writes;
    w.__dialogs = () => dialogs;
    w.showOpenFilePicker = async () => [handle('mine.got.json')];
    w.showSaveFilePicker = async () => {
      dialogs += 1;
      return handle('copy.got.json');
    };
  });
  await page.goto('/');
  await expect(page.getByTestId('canvas').locator('.react-flow__node-operation').first()).toBeVisible();
  await page.keyboard.press('ControlOrMeta+O');
  await expect(page.getByTestId('doc-title')).toHaveValue('Sorting 32 numbers · IO');
  await expect(page.getByTestId('file-status')).toHaveText('mine.got.json');
  await page.getByTestId('doc-title').fill('Mine, edited');
  await expect(page.getByTestId('file-status')).toHaveClass(/dirty/);
  await page.getByTestId('canvas').click({ position: { x: 40, y: 300 } });
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByTestId('file-status')).not.toHaveClass(/dirty/);
  const writes = () => page.evaluate(() => (window as unknown as { __writes: Array<{ name: string; text: string }> }).__writes);
  await expect.poll(async () => (await writes()).map((w) => w.name)).toEqual(['mine.got.json']);
  expect(JSON.parse((await writes())[0]!.text).title).toBe('Mine, edited');
  expect(await page.evaluate(() => (window as unknown as { __dialogs(): number }).__dialogs())).toBe(0);
  await page.getByTestId('menu-file').click();
  await page.getByTestId('file-save-as').click();
  await expect(page.getByTestId('file-status')).toHaveText('copy.got.json');
  expect(await page.evaluate(() => (window as unknown as { __dialogs(): number }).__dialogs())).toBe(1);
});
