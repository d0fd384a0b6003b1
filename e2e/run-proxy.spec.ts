import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dumpBrowserStorage } from './support/browserStorage';
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
    await run.run();
    await run.waitDone();
    await expect(run.summary('status')).toHaveText('completed');
    await expect(run.summary('requests')).toHaveText('5');
    await expect(run.summary('completions')).toHaveText('31');
    await run.expectThoughts(33);

    // The browser spoke only to the proxy, and never with the key.
    expect(sent.some((s) => s.includes('/api/llm/chat/completions'))).toBe(true);
    expect(sent.some((s) => s.includes('/api/simulator'))).toBe(false);
    expect(sent.join('\n')).not.toContain(PROXY_TEST_KEY);

    const stored = await dumpBrowserStorage(page);
    expect(stored.dbs).toContain('got-studio-runs');
    expect(stored.idb.length).toBeGreaterThan(1000);
    expect(stored.local).not.toContain(PROXY_TEST_KEY);
    expect(stored.idb).not.toContain(PROXY_TEST_KEY);
    expect(await page.content()).not.toContain(PROXY_TEST_KEY);

    const download = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const text = readFileSync(await (await download).path(), 'utf8');
    expect(text).toContain('"format": "got-studio-run"');
    expect(text).toContain('/api/llm');
    expect(text).not.toContain(PROXY_TEST_KEY);
  });
});
