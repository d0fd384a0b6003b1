import { expect, test } from '@playwright/test';
import { RunPage } from './support/runPage';

test('the model settings say when more calls run at once than a browser opens connections to a plain-http server', async ({ page }) => {
  const run = new RunPage(page);
  await run.open();
  await run.setModel({ provider: 'openai', baseUrl: 'http://localhost:11434/v1', model: 'my-local-llm' });
  const dialog = page.getByTestId('model-settings');
  const note = dialog.getByTestId('connection-cap');
  // The default concurrency is 8; a browser opens 6 connections to one HTTP/1.1 server.
  await expect(note).toContainText('at most 6 connections to one http:// server (localhost:11434)');
  await expect(note).toContainText('of 8 calls at once 2 wait for a free one');
  await dialog.getByTestId('openai-base-url').fill('https://api.example.com/v1');
  await expect(note).toHaveCount(0);
  await dialog.getByTestId('openai-base-url').fill('http://localhost:11434/v1');
  await expect(note).toBeVisible();
  await dialog.getByTestId('concurrency').fill('6');
  await expect(note).toHaveCount(0);
  await dialog.getByTestId(`provider-simulator`).check();
  await dialog.getByTestId('concurrency').fill('16');
  await expect(note).toHaveCount(0);
});
