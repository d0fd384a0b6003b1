import { expect, test } from '@playwright/test';
import { EditorPage } from './support/editorPage';

test('a prompt template highlights its placeholders, offers the state keys of that point and previews the prompt for the input', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('solve-1');
  const prompt = ed.field('prompt');
  await expect(prompt.locator('.cm-tpl-placeholder').first()).toHaveText('{{current}}');
  await expect(page.getByTestId('state-keys')).toContainText('{{part}}');
  await ed.typeTemplate('prompt', 'Sort {{');
  const completion = page.locator('.cm-tooltip-autocomplete');
  for (const key of ['current', 'original', 'part']) await expect(completion).toContainText(key);
  await page.keyboard.type('orig');
  await page.keyboard.press('Enter');
  await expect(prompt.locator('.cm-content')).toHaveText('Sort {{original}}');
  await prompt.getByText('Preview for the current input').click();
  await expect(prompt.getByTestId(/template-preview/)).toContainText('Sort [0');
  await ed.typeTemplate('prompt', 'Sort {{missing}}');
  await expect(prompt.getByTestId(/template-preview/)).toContainText('missing');
  await expect(page.getByTestId('diag-badge-solve-1')).toBeVisible();
  await ed.shot('inspector-template');
});

test('a parser is chosen from a list and tried on sample text', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await ed.select('solve-1');
  const parser = ed.field('parser');
  await parser.getByText('Try it on sample text').click();
  await parser.getByLabel('Sample answer').fill('Here you go: [3, 1, 2] and later [0, 1, 2]');
  await expect(parser.getByTestId(/parser-preview/)).toHaveText('thought 1: {"current":[0,1,2]}');
  await parser.getByLabel('Parser kind').selectOption('number');
  await parser.getByLabel('Sample answer').fill('I found 7 mistakes.');
  await expect(parser.getByTestId(/parser-preview/)).toContainText('7');
  await parser.getByLabel('Parser kind').selectOption('regex');
  await parser.getByLabel('Pattern').fill('(');
  await expect(parser.getByTestId(/parser-preview/)).toHaveClass(/preview-error/);
  await ed.shot('inspector-parser');
});

test('the run input: JSON edits apply while valid, a broken edit says why and keeps the last input, a dataset row replaces it', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  // The code editor loads when the field is first clicked; until then the text shows as is.
  await page.getByTestId('input-json').getByRole('textbox').click();
  const json = page.getByTestId('input-json').locator('.cm-content');
  await expect(json).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  // The editor closes brackets and quotes as they are typed, so the text stops at a dangling comma.
  await page.keyboard.type('{"original": [3, 1, 2],');
  await expect(page.getByTestId('input-error')).toContainText('last valid input is kept');
  await page.keyboard.type(' "current": [3, 1, 2]');
  await expect(page.getByTestId('input-error')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __gotStore: { getState(): { doc: { input: unknown } } } }).__gotStore.getState().doc.input)).toEqual({ original: [3, 1, 2], current: [3, 1, 2] });

  await ed.blurFields();
  await page.getByTestId('dataset-sample').fill('3');
  await expect(page.getByTestId('input-node')).toContainText('#3');
  await expect(json).not.toContainText('[3, 1, 2]');
  await expect(page.getByTestId('dataset-picker')).toContainText('Row 3 of 100');
  await ed.shot('inspector-input');
});

test('before a run, edges show the thoughts they will carry and the graph shows its requests and cost', async ({ page }) => {
  const ed = new EditorPage(page);
  await ed.open();
  await expect(ed.canvas().getByTestId('edge-label-solve-1->score-1')).toHaveText('~5');
  await expect(ed.canvas().getByTestId('edge-label-merge-1-1->merge-score-1-1')).toHaveText('~10');
  await expect(page.getByTestId('op-strip-solve-1')).toContainText('1 req');
  await expect(page.getByTestId('estimate-requests')).toHaveText('5');
  await ed.select('solve-1');
  await ed.setNumber('samples', 7);
  await expect(ed.canvas().getByTestId('edge-label-solve-1->score-1')).toHaveText('~7');
  await expect(page.getByTestId('op-estimate')).toContainText('1 request, 7 completions');
});
