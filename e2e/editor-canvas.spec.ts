import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editorPage';

test('a connection that would make a cycle is refused with the reason, and the graph is unchanged', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  const a = await ed.dragOperation('generate', 350, 250);
  const b = await ed.dragOperation('score', 620, 250);
  const c = await ed.dragOperation('keepBestN', 620, 450);
  await ed.connect(a, b);
  await ed.connect(b, c);
  await ed.connect(c, a);
  await expect(page.getByTestId('toast-error').filter({ hasText: 'cycle' })).toBeVisible();
  await ed.shot('canvas-cycle-refused');
  await expect(ed.edge(c, a)).toHaveCount(0);
  await ed.connect(a, b);
  await expect(page.getByTestId('toast-error').last()).toContainText('already feeds');
  await expect(ed.canvas().locator('.react-flow__edge-ordered')).toHaveCount(2);
});

test('quick-add from the keyboard and from an edge dropped on empty canvas', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  await page.getByTestId('canvas').hover({ position: { x: 150, y: 200 } });
  await page.keyboard.press('/');
  await page.getByLabel('Search operations').fill('aggr');
  await page.keyboard.press('Enter');
  await expect(ed.opNodes()).toHaveCount(1);
  const agg = (await page.getByTestId('op-id').textContent())!;

  // Drag from the output handle into empty space: quick-add opens and the new operation is connected.
  const h = (await ed.node(agg).locator('.react-flow__handle.source').boundingBox())!;
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + 200, h.y + 120, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('quick-add')).toBeVisible();
  await page.getByTestId('quick-add-score').click();
  await expect(ed.opNodes()).toHaveCount(2);
  const score = (await page.getByTestId('op-id').textContent())!;
  await expect(ed.edge(agg, score)).toHaveCount(1);
});

test('copy, paste, duplicate, select all and delete with the keyboard; undo brings everything back', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await expect(ed.opNodes()).toHaveCount(16);
  await ed.select('score-1');
  await page.keyboard.press('ControlOrMeta+D');
  await expect(ed.opNodes()).toHaveCount(17);
  const dup = (await page.getByTestId('op-id').textContent())!;
  await expect(ed.edge('solve-1', dup)).toHaveCount(1);

  await ed.select('keep-best-1');
  await page.keyboard.press('ControlOrMeta+C');
  await page.getByTestId('canvas').hover({ position: { x: 300, y: 600 } });
  await page.keyboard.press('ControlOrMeta+V');
  await expect(ed.opNodes()).toHaveCount(18);

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect(ed.opNodes()).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(ed.opNodes()).toHaveCount(18);
});

test('diagnostics show on the node and next to the field, live', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('score-1');
  await ed.field('scorer').locator('select').selectOption('');
  await expect(page.getByTestId('diag-badge-score-1')).toBeVisible();
  await expect(ed.field('scorer').getByTestId('field-diagnostic-scorer')).toBeVisible();
  await expect(page.getByTestId('node-diagnostic-score-1')).toContainText('score-1');
  await ed.shot('canvas-diagnostics');
  await ed.field('scorer').locator('select').selectOption('sorting.error');
  await expect(page.getByTestId('diag-badge-score-1')).toHaveCount(0);
});

test('a JavaScript scorer that loops forever is stopped with a clear error', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('score-1');
  await ed.field('scorer').getByRole('radio', { name: 'JavaScript' }).click();
  const editor = ed.field('scorer').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('while (true) {}');
  await ed.field('scorer').locator('input[type=number]').fill('300');
  await ed.field('scorer').getByRole('button', { name: 'Test on the input' }).click();
  await expect(ed.field('scorer').locator('[data-testid^=js-result]')).toContainText('did not finish within 300 ms');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('return state.original.length;');
  await ed.field('scorer').getByRole('button', { name: 'Test on the input' }).click();
  await expect(ed.field('scorer').locator('[data-testid^=js-result]')).toContainText('returned 32');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('throw new Error("no score for you");');
  await ed.field('scorer').getByRole('button', { name: 'Test on the input' }).click();
  await expect(ed.field('scorer').locator('[data-testid^=js-result]')).toContainText('threw: Error: no score for you');
});

test('the help dialog lists every shortcut and the theme choice survives a reload', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await page.keyboard.press('?');
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible();
  for (const keys of ['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+D', 'Ctrl+C', 'Ctrl+V', 'Shift+1', 'Shift+L', '/', ', / .', '< / >']) await expect(help.getByText(keys, { exact: true })).toBeVisible();
  await ed.shot('canvas-help');
  await page.keyboard.press('Escape');
  await page.getByTestId('theme-toggle').click();
  const theme = await page.evaluate(() => document.documentElement.dataset.theme);
  await ed.shot('canvas-theme');
  await page.reload();
  await expect(ed.canvas().locator('.react-flow__viewport')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
});

test('dragging a node moves it as one undo step', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  const id = await ed.dragOperation('generate', 400, 300);
  const head = ed.node(id).locator('.op-node-head');
  const before = (await ed.node(id).boundingBox())!;
  const box = (await head.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 130, box.y + 88, { steps: 8 });
  await page.mouse.up();
  const moved = (await ed.node(id).boundingBox())!;
  expect(moved.x - before.x).toBeGreaterThan(60);
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(async () => Math.round((await ed.node(id).boundingBox())!.x)).toBe(Math.round(before.x));
  await ed.select(id);
  await ed.typeTemplate('prompt', 'Sort {{');
  await expect(page.locator('.cm-tooltip-autocomplete')).toContainText('branches');
  await ed.shot('canvas-template-completion');
  await page.keyboard.type('br');
  await expect(page.locator('.cm-tooltip-autocomplete li[aria-selected=true]')).toContainText('branches');
  await page.keyboard.press('Enter');
  await expect(ed.field('prompt').locator('.cm-content')).toHaveText('Sort {{branches}}');
  await expect(ed.field('prompt').getByTestId(/template-preview/)).toContainText('Sort 1');
});

test('operations copied in one tab paste into another document in another tab', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('merge-1-1');
  await page.keyboard.press('ControlOrMeta+C');

  const other = await context.newPage();
  const ed2 = new EditorPage(other);
  await ed2.open();
  await ed2.startEmpty();
  await other.getByTestId('canvas').hover({ position: { x: 300, y: 300 } });
  await other.keyboard.press('ControlOrMeta+V');
  await expect(ed2.opNodes()).toHaveCount(1);
  await expect(ed2.opNodes().first()).toContainText('Merge pair');
});

test('selecting an edge and pressing Delete disconnects it; input order can be changed in the inspector', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('best-1-1');
  await expect(page.getByTestId('input-1')).toContainText('merge-best-1-1');
  await page.getByRole('button', { name: 'Move merge-best-1-1 down' }).click();
  await expect(page.getByTestId('input-1')).toContainText('refine-score-1-1');
  await expect(ed.canvas().getByTestId('edge-order-refine-score-1-1->best-1-1')).toHaveText('1');

  await ed.clickEdge('merge-1-1', 'merge-score-1-1');
  await page.keyboard.press('Delete');
  await expect(ed.edge('merge-1-1', 'merge-score-1-1')).toHaveCount(0);
});

test('function choices: an expression shows its error column live, an LLM scorer gets a prompt editor, panels resize', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('select-1');
  await ed.field('selector').getByLabel('Expression').fill('state.part ==');
  await expect(ed.field('selector').locator('[data-testid^=expr-error]')).toContainText('column');
  await ed.field('selector').getByLabel('Expression').fill('state.part == "List 1"');
  await expect(ed.field('selector').locator('[data-testid^=expr-error]')).toHaveCount(0);

  await ed.select('score-1');
  await ed.field('scorer').getByRole('radio', { name: 'LLM prompt' }).click();
  await expect(ed.field('scorer').locator('.cm-content')).toBeVisible();
  await expect(ed.field('scorer').getByRole('combobox').first()).toHaveValue('number');
  await ed.shot('canvas-llm-scorer');

  const palette = page.getByTestId('palette');
  const before = (await palette.boundingBox())!.width;
  const handle = (await page.getByTestId('resizer-left').boundingBox())!;
  await page.mouse.move(handle.x + 2, handle.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle.x + 62, handle.y + 200, { steps: 5 });
  await page.mouse.up();
  expect((await palette.boundingBox())!.width).toBeGreaterThan(before + 40);
});

test('a comment added with Shift+C keeps its text and goes away with one undo', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  await page.getByTestId('canvas').hover({ position: { x: 300, y: 300 } });
  await page.keyboard.press('Shift+C');
  const note = ed.canvas().locator('.react-flow__node-comment textarea');
  await expect(note).toBeVisible();
  await note.fill('Merge step: keep the best of both lists');
  await ed.shot('canvas-comment');
  // Click empty canvas so the keys reach the editor, not the note's own text undo.
  await page.getByTestId('canvas').click({ position: { x: 560, y: 140 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(note).toHaveValue('');
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(note).toHaveCount(0);
});

test('the right-click menu duplicates a node and adds a comment where it was opened', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.startEmpty();
  const id = await ed.dragOperation('improve', 400, 300);
  await ed.node(id).locator('.op-node-head').click({ button: 'right' });
  await page.getByTestId('context-menu').getByRole('menuitem', { name: /Duplicate/ }).click();
  await expect(ed.opNodes()).toHaveCount(2);
  await page.getByTestId('canvas').click({ button: 'right', position: { x: 200, y: 500 } });
  await ed.shot('canvas-context-menu');
  await page.getByTestId('context-menu').getByRole('menuitem', { name: /Add comment here/ }).click();
  await expect(ed.canvas().locator('.react-flow__node-comment')).toHaveCount(1);
});

test('pasting a whole graph file adds its operations to the open graph instead of replacing it', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const ed = new EditorPage(page);
  await ed.open();
  const io = await (await request.get('/examples/sorting-032-io.got.json')).text();
  await page.evaluate((text) => navigator.clipboard.writeText(text), io);
  await page.getByTestId('canvas').hover({ position: { x: 300, y: 560 } });
  await page.keyboard.press('ControlOrMeta+V');
  await expect(ed.opNodes()).toHaveCount(16 + JSON.parse(io).operations.length);
  await expect(page.getByTestId('doc-title')).toHaveValue(/Sorting 32.*GoT/);
});

test('the graph checklist lists each problem and a click shows the operation at fault', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('score-2');
  await ed.field('scorer').locator('select').selectOption('');
  await ed.blurFields();
  await ed.deselect();
  const list = page.getByTestId('problem-list');
  await expect(list).toContainText('Score List 2');
  await list.getByRole('button', { name: /Score List 2/ }).click();
  await expect(page.getByTestId('op-id')).toHaveText('score-2');
  await expect(ed.node('score-2')).toBeInViewport();
  await expect.poll(async () => (await ed.node('score-2').boundingBox())!.width).toBeGreaterThan(150);
  await ed.shot('canvas-focus-problem');
});
