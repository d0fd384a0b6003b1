import { expectRunStoredWithout } from './support/browserStorage';
import { KEYED_SERVER_KEY, SIM_MODEL, expect, test } from './support/modelServers';
import { canvasWords } from './support/legibility';
import { RunPage } from './support/runPage';

test.describe('live runs through the OpenAI provider against the simulator server', () => {
  test('runs GoT sorting-32 over HTTP after a passing connection test', async ({ page, simServer }) => {
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: simServer.url, model: SIM_MODEL, key: 'sk-test-anything', cache: false });
    expect(await run.testConnection()).toMatch(/Connected: got-simulator answered/);
    await run.saveModel();
    await expect(page.getByTestId('model-picker')).toContainText(SIM_MODEL);
    await run.runSorting32ToCompletion();
    await run.shot('run-7-openai-provider');
  });

  test('the same-origin simulator endpoint of the dev server passes the connection test', async ({ page }) => {
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai' });
    await page.getByRole('button', { name: 'Simulator over HTTP' }).click();
    await expect(page.getByTestId('openai-base-url')).toHaveValue('/api/simulator/v1');
    expect(await run.testConnection()).toMatch(/^✓ Connected/);
  });

  test('a 429 storm recovers through retries and says so', async ({ page, simServer }) => {
    simServer.setFaults({ rateLimit: { count: 4, retryAfterMs: 30 } });
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: simServer.url, model: SIM_MODEL, key: 'sk-test-anything', cache: false });
    await run.saveModel();
    await run.run();
    await run.waitDone();
    await expect(run.summary('status')).toHaveText('completed');
    await expect(page.getByTestId('run-problem')).toContainText(/Recovered after \d+ retr/);
    await run.shot('run-8-429-recovered');
  });

  test('an endpoint that answers garbage says so and what to check', async ({ page, simServer }) => {
    simServer.setFaults({ garbage: { kind: 'text' } });
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: simServer.url, model: SIM_MODEL, key: 'sk-test-anything', cache: false });
    await run.saveModel();
    await run.run();
    await run.waitDone();
    const problem = page.getByTestId('run-problem');
    await expect(problem).toContainText('not a chat completion');
    await expect(problem).toContainText('/v1');
    await expect(run.grs().locator('[data-testid^="failed-call-"]').first()).toBeVisible();
  });

  test('a stream that stalls is cut after the stall timeout and shown as stalled on the thought and the operation', async ({ page, simServer }) => {
    simServer.setFaults({ stall: { afterChunks: 2, count: 1 } });
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: simServer.url, model: SIM_MODEL, key: 'sk-test-anything', cache: false, stallSeconds: 2 });
    await run.saveModel();
    await run.run();
    // The split call streams two chunks, then hangs: its pending card shows the partial text until the watchdog cuts it.
    await run.waitDone(30_000);
    const problem = page.getByTestId('run-problem');
    await expect(problem).toContainText('stalled');
    await expect(problem).toContainText('stall timeout');
    await expect(page.getByTestId('op-error-split')).toContainText(/stalled: no data for 2 s/);
    const failed = run.grs().locator('[data-testid^="failed-call-"]');
    await expect(failed).toContainText('stalled');
    await failed.click();
    await run.tab('detail');
    await expect(page.getByTestId('call-error')).toContainText('stall');
    await run.shot('run-13-stalled');
  });

  test('a rejected key (401) shows a clear error and what to do', async ({ page, keyedServer }) => {
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: keyedServer.url, model: SIM_MODEL, key: 'sk-test-wrong-key-9999', cache: false });
    const verdict = await run.testConnection();
    expect(verdict).toContain('401');
    expect(verdict).toMatch(/valid key/);
    expect(verdict).not.toContain('sk-test-wrong-key-9999');
    await run.shot('run-9a-401-connection-test');
    await run.saveModel();
    await run.run();
    await run.waitDone();
    const problem = page.getByTestId('run-problem');
    await expect(problem).toContainText('refused the API key (401)');
    await expect(problem).toContainText('Model settings');
    await expect(page.getByTestId('op-error-split')).toBeVisible();
    const failed = run.grs().locator('[data-testid^="failed-call-"]');
    await expect(failed).toContainText('401');
    await run.shot('run-9-401');
    // Zoomed out, the failed call's card is compact like the thoughts' cards: "failed" and the error's kind in large
    // type (≥ 10 px on screen), the whole message on hover.
    const pane = (await run.grs().boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, 400);
    await expect(failed).toHaveClass(/is-compact/);
    await expect(failed).toContainText('failed');
    await expect(failed).toContainText('auth');
    await expect(failed).toHaveAttribute('title', /401/);
    const { words } = await canvasWords(run.grs(), '[data-testid^="failed-call-"]');
    expect(words.length).toBeGreaterThan(0);
    expect(Math.min(...words.map((w) => w.px))).toBeGreaterThanOrEqual(10);
    await run.shot('run-9b-401-zoomed-out');
  });

  test('the key never reaches storage, the run history, the share link or an export', async ({ page, keyedServer }) => {
    const run = new RunPage(page);
    await run.open();
    await run.setModel({ provider: 'openai', baseUrl: keyedServer.url, model: SIM_MODEL, key: KEYED_SERVER_KEY, cache: true });
    await run.saveModel();
    await run.run();
    await run.waitDone();
    await expect(run.summary('status')).toHaveText('completed');

    await expectRunStoredWithout(page, KEYED_SERVER_KEY);

    await page.getByTestId('menu-file').click();
    await page.getByTestId('file-share').click();
    await expect(page.getByTestId('share-url')).not.toHaveValue('');
    expect(await page.getByTestId('share-url').inputValue()).not.toContain(KEYED_SERVER_KEY);
    await page.getByTestId('dialog-close').click();

    const text = await run.exportRun();
    expect(text).toContain('"format": "got-studio-run"');
    expect(text).not.toContain(KEYED_SERVER_KEY);

    // Only when the user asks is the key remembered on the device.
    await run.setModel({ remember: true });
    await run.saveModel();
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain(KEYED_SERVER_KEY);
  });
});
