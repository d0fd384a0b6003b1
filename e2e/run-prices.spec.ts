import { expect, test } from '@playwright/test';
import { RunPage } from './support/runPage';

/** The preview's dollars as a number (the low end of a range). */
const dollars = (text: string | null): number => Number((text ?? '').replace(/^\$/, '').split(/[–-]/)[0]);

test.describe('model prices the user can edit', () => {
  test('editing the simulator’s price changes the cost preview and is kept after a reload', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    const cost = page.getByTestId('estimate-cost');
    // The simulator bills about four characters a token: its count is final with no tokenizer.
    await expect(page.getByTestId('cost-preview')).toContainText('(simulator)');
    const before = dollars(await cost.textContent());
    await run.setModel({});
    const dialog = page.getByTestId('model-settings');
    await expect(dialog.getByTestId('price-input')).toHaveValue('0.5');
    await expect(dialog.getByTestId('price-output')).toHaveValue('1.5');
    await dialog.getByTestId('price-input').fill('5');
    await dialog.getByTestId('price-output').fill('15');
    await run.saveModel();
    expect(before).toBeGreaterThan(0);
    // Ten times the price is ten times the dollars (within the preview's four-decimal rounding).
    await expect.poll(async () => dollars(await cost.textContent())).toBeGreaterThan(before * 9);
    expect(dollars(await cost.textContent())).toBeLessThan(before * 11);
    await page.reload();
    await expect(page.getByTestId('cost-preview')).toContainText('(simulator)');
    await expect.poll(async () => dollars(await page.getByTestId('estimate-cost').textContent())).toBeGreaterThan(before * 9);
  });

  test('a model with no price says so, and adding its price costs the preview', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'my-local-llm' });
    const dialog = page.getByTestId('model-settings');
    await expect(dialog.getByTestId('price-missing')).toContainText('No price — cost shown as $0');
    await run.saveModel();
    await expect(page.getByTestId('estimate-cost')).toHaveText('$0.0000');
    await expect(page.getByTestId('estimate-pricing')).toContainText('no price — cost shown as $0');
    await run.setModel({});
    await dialog.getByTestId('price-input').fill('1');
    await dialog.getByTestId('price-output').fill('2');
    await run.saveModel();
    await expect.poll(async () => dollars(await page.getByTestId('estimate-cost').textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId('estimate-pricing')).not.toContainText('no price');
  });
});
