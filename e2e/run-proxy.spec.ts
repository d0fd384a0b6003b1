import { expect, test } from '@playwright/test';
import { expectRunStoredWithout } from './support/browserStorage';
import { PROXY_TEST_KEY } from './support/proxyEnv';
import { RunPage } from './support/runPage';

// playwright.config.ts points the dev server's /api/llm proxy at its own /api/simulator/v1 with PROXY_TEST_KEY.
test.describe('runs through the same-origin proxy', () => {
  test('GoT sorting-32 completes through /api/llm and the server’s key reaches neither the page, its storage nor the export', async ({
    page,
  }) => {
    const sent: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/api/')) sent.push(`${req.url()} ${JSON.stringify(req.headers())} ${req.postData() ?? ''}`);
    });
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'proxy', model: 'got-simulator', cache: true });
    expect(await run.testConnection()).toMatch(/^✓ Connected/);
    await run.saveModel();
    await expect(page.getByTestId('model-picker')).toContainText('Proxy · got-simulator');
    await run.runSorting32ToCompletion();

    // The browser spoke only to the proxy, and never with the key.
    expect(sent.some((s) => s.includes('/api/llm/chat/completions'))).toBe(true);
    expect(sent.some((s) => s.includes('/api/simulator'))).toBe(false);
    expect(sent.join('\n')).not.toContain(PROXY_TEST_KEY);

    await expectRunStoredWithout(page, PROXY_TEST_KEY);
    expect(await page.content()).not.toContain(PROXY_TEST_KEY);

    const text = await run.exportRun();
    expect(text).toContain('"format": "got-studio-run"');
    expect(text).toContain('/api/llm');
    expect(text).not.toContain(PROXY_TEST_KEY);
  });
});
