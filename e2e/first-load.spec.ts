import { expect, test, type Request } from '@playwright/test';
import { RunPage } from './support/runPage';

/** Whether a request fetched one of the large modules the first screen must not wait for. */
const heavy = (r: Request): string | null => {
  const u = r.url();
  if (/gpt-tokenizer|o200k_base|cl100k_base/.test(u)) return 'tokenizer';
  if (/@codemirror|@uiw_react-codemirror|codemirror/i.test(u)) return 'CodeMirror';
  if (/html-to-image/.test(u)) return 'html-to-image';
  if (/[/_]openai[./]/.test(u) && !u.includes('/api/')) return 'openai SDK';
  return null;
};

test.describe('a fast first load', () => {
  test('the first screen fetches no tokenizer, CodeMirror, image exporter or SDK; each loads when its feature is used', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (r) => {
      const h = heavy(r);
      if (h) loaded.push(h);
    });
    const run = new RunPage(page);
    await run.open();
    await expect(page.getByTestId('cost-preview')).toContainText('(simulator)');
    await page.waitForTimeout(2000);
    expect(loaded).toEqual([]);

    // Clicking into the run input is asking for the code editor.
    await page.getByTestId('input-json').getByRole('textbox').click();
    await expect(page.getByTestId('input-json').locator('.cm-content')).toBeFocused();
    expect(loaded).toContain('CodeMirror');
    expect(loaded).not.toContain('tokenizer');

    // Choosing a real model is asking for its exact token count.
    await run.setModel({ provider: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'gpt-4o-mini' });
    await run.saveModel();
    await expect(page.getByTestId('cost-preview')).toContainText('(tokenizer)');
    expect(loaded).toContain('tokenizer');
  });
});
