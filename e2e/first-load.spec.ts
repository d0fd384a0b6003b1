import { expect, test, type Locator, type Page, type Request } from '@playwright/test';
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

/** The Help dialog's code fails to arrive while `network.offline` is true; opens Help and returns where its notice stands. */
async function openHelpWith(page: Page, network: { offline: boolean }): Promise<Locator> {
  await page.route(/HelpDialog/, (route) => (network.offline ? route.abort('internetdisconnected') : route.continue()));
  await page.getByTestId('help-menu').click();
  await page.getByTestId('help').click();
  return page.getByTestId('load-failed');
}

test.describe('code that loads on demand', () => {
  test('a dialog whose code cannot be fetched says so in its place, the editor stays, and Retry brings it once the network is back', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    const network = { offline: true };
    const notice = await openHelpWith(page, network);
    await expect(notice).toContainText('The code for the Help dialog could not be fetched');
    await expect(notice).toContainText('Your graph and runs are kept');
    await expect(page.getByTestId('run-start')).toBeVisible();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await run.editor.shot('load-failed-dialog');

    network.offline = false;
    await notice.getByTestId('load-retry').click();
    await expect(page.getByTestId('help-dialog')).toBeVisible();
    await expect(notice).toHaveCount(0);
  });

  test('when Retry cannot fetch the code either, Reload page brings the app back with the graph as it was edited', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    await page.getByTestId('doc-title').fill('Edited before the network went');
    const network = { offline: true };
    const notice = await openHelpWith(page, network);
    await expect(notice).toContainText('could not be fetched');
    await expect(notice.getByTestId('load-reload')).toHaveCount(0);
    // Still offline: Retry fails too, and the notice offers a reload.
    await notice.getByTestId('load-retry').click();
    await expect(notice.getByTestId('load-reload-note')).toContainText('your graph is saved');
    await run.editor.shot('load-failed-reload');
    network.offline = false;
    await notice.getByTestId('load-reload').click();
    await expect(page.getByTestId('doc-title')).toHaveValue('Edited before the network went');
    await page.getByTestId('help-menu').click();
    await page.getByTestId('help').click();
    await expect(page.getByTestId('help-dialog')).toBeVisible();
  });
});
