// The steps every app benchmark takes before its first run: open the production build's editor on a
// gallery example and point its OpenAI-compatible provider at a simulator server, cache off unless asked
// (on is the app's default: a first run then looks each call up, misses, and writes each answer).
import type { Page } from '@playwright/test';

/** Loads `appUrl`, opens the gallery example `example`, and saves model settings that send its calls to `modelUrl`. */
export async function openExampleOnServer(page: Page, appUrl: string, example: string, modelUrl: string, { cache = false }: { cache?: boolean } = {}): Promise<void> {
  await page.goto(appUrl);
  await page.getByTestId('run-start').waitFor();
  await page.getByTestId('open-gallery').click();
  await page.getByTestId(`gallery-${example}`).click();
  await page.getByTestId('model-picker').click();
  const dialog = page.getByTestId('model-settings');
  await dialog.getByTestId('provider-openai').check();
  await dialog.getByTestId('openai-base-url').fill(modelUrl);
  await dialog.getByTestId('openai-model').fill('got-simulator');
  await dialog.getByTestId('openai-key').fill('sk-bench-local');
  await dialog.getByTestId('cache').setChecked(cache);
  await page.getByTestId('model-settings-save').click();
  await page.getByTestId('model-settings').waitFor({ state: 'detached' });
}
