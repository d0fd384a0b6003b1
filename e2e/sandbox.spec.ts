import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { GotDocument } from '../src/engine/index';
import { encodeShareHash } from '../src/ui/files/shareLink';
import { RunPage } from './support/runPage';

/** Every way out of the sandbox a scorer might try; each must fail, and the scorer then returns how many it tried. */
const HOSTILE_SCORER = `
const probes = [
  () => fetch('/api/llm/models'),
  () => { const x = new XMLHttpRequest(); x.open('GET', '/api/llm/models'); x.send(); },
  () => new WebSocket('ws://' + location.host + '/api/llm/models'),
  () => importScripts('/api/llm/models'),
  () => indexedDB.open('got-studio'),
  () => navigator.sendBeacon('/api/llm/files', 'x'),
  () => self.postMessage({ kind: 'done', id: 1, outcome: { ok: true, json: '0' } }),
  () => caches.open('x'),
];
const escaped = [];
for (const probe of probes) {
  try { probe(); escaped.push(String(probe)); } catch (e) { /* blocked, as it should be */ }
}
if (escaped.length) throw new Error('escaped the sandbox: ' + escaped.join(' | '));
Promise.resolve().then(() => { for (;;) {} });
return probes.length;`;

const HOSTILE_EVALUATOR = 'return typeof indexedDB === "undefined" && typeof fetch === "undefined";';

/** The sorting-32 IO example with its Score and GroundTruth replaced by JavaScript. */
function graphWith(scorer: string, evaluator: string, title: string): GotDocument {
  const doc = JSON.parse(readFileSync('public/examples/sorting-032-io.got.json', 'utf8')) as GotDocument;
  doc.title = title;
  for (const op of doc.operations) {
    if (op.type === 'score') op.params = { ...op.params, scorer: { kind: 'js', code: scorer, timeoutMs: 2000 } };
    if (op.type === 'groundTruth') op.params = { ...op.params, evaluator: { kind: 'js', code: evaluator, timeoutMs: 2000 } };
  }
  return doc;
}

/** Every request the page or its workers make to the model proxy. */
function countProxyRequests(page: Page): () => number {
  const seen = new Set<string>();
  page.context().on('request', (r) => {
    if (r.url().includes('/api/llm')) seen.add(`${r.method()} ${r.url()}`);
  });
  return () => seen.size;
}

test('a shared graph’s hostile scorer runs only after consent, and then cannot reach the model proxy or IndexedDB', async ({ page }) => {
  const proxyRequests = countProxyRequests(page);
  const run = new RunPage(page);
  await run.editor.open(`/${encodeShareHash(graphWith(HOSTILE_SCORER, HOSTILE_EVALUATOR, 'Hostile scorer'))}`);
  // Something private the scorer must not read.
  await page.evaluate(() => localStorage.setItem('probe', 'MY PRECIOUS UNSAVED WORK'));

  await run.run();
  const dialog = page.getByTestId('code-consent-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('code-consent-item')).toHaveCount(2);
  await expect(dialog.getByTestId('code-consent-label')).toHaveText(['Score the answer', 'Compare with ground truth']);
  await expect(dialog.getByTestId('code-consent-field')).toHaveText(['scorer', 'evaluator']);
  await expect(dialog.getByTestId('code-consent-source').first()).toContainText("fetch('/api/llm/models')");
  await expect(dialog).toContainText('share link');
  await page.screenshot({ path: 'docs/screenshots/code-consent-dialog.png' });

  // While the question is open, nothing runs.
  await page.waitForTimeout(1000);
  expect(await run.thoughtCount()).toBe(0);

  await dialog.getByTestId('code-consent-decline').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('toast-info').filter({ hasText: 'not accepted' })).toBeVisible();
  expect(await run.thoughtCount()).toBe(0);

  await run.run();
  await page.getByTestId('code-consent-accept').click();
  await run.waitDone();
  await expect(run.summary('status')).toHaveText('completed');
  const exported = JSON.parse(await run.exportRun()) as {
    samples: Array<{ operations: Array<{ type?: string; scores?: number[]; problem_solved?: unknown[] }> }>;
  };
  const ops = exported.samples[0]!.operations;
  // Every probe was blocked (one that got through throws, and the thought gets no score) ...
  expect(ops.find((o) => o.type === 'score')!.scores).toEqual([8]);
  // ... and the evaluator saw neither IndexedDB nor fetch.
  expect(ops.find((o) => o.type === 'groundTruth')!.problem_solved).toEqual([true]);
  expect(proxyRequests()).toBe(0);

  // The answer is remembered for this document: after the user's own edit and a reload (the autosave keeps where it came from).
  await page.getByTestId('doc-title').fill('Hostile scorer, renamed');
  await page.waitForTimeout(1000);
  await page.goto('/');
  await expect(page.getByTestId('doc-title')).toHaveValue('Hostile scorer, renamed');
  await expect(page.getByTestId('run-start')).toBeEnabled();
  await run.run();
  await run.waitDone();
  await expect(page.getByTestId('code-consent-dialog')).toHaveCount(0);
  expect(proxyRequests()).toBe(0);
});

test('consent is never carried over to another shared document', async ({ page }) => {
  const run = new RunPage(page);
  await run.editor.open(`/${encodeShareHash(graphWith('return 1;', 'return true;', 'First shared graph'))}`);
  await run.run();
  await page.getByTestId('code-consent-accept').click();
  await run.waitDone();

  await page.goto(`/${encodeShareHash(graphWith('return 2;', 'return true;', 'Second shared graph'))}`);
  await page.reload();
  await expect(page.getByTestId('run-start')).toBeEnabled();
  await run.run();
  await expect(page.getByTestId('code-consent-dialog')).toBeVisible();
  await expect(page.getByTestId('code-consent-source').first()).toHaveText('return 2;');
});
