import { readFileSync } from 'node:fs';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { expect, test, type Page } from '@playwright/test';
import { newQuickJSWASMModuleFromVariant } from 'quickjs-emscripten-core';
import type { GotDocument } from '../src/engine/index';
import { runInQuickJs } from '../src/sandbox/quickjsRunner';
import { encodeShareHash } from '../src/ui/files/shareLink';
import { SHOTS } from './support/editorPage';
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
  await expect(dialog.getByTestId('code-consent-intro')).toContainText('contains 2 JavaScript functions. They run sandboxed');
  await page.screenshot({ path: `${SHOTS}/code-consent-dialog.png` });
  // At 150% zoom (an 853x480 CSS viewport) the question and its answers stay on screen.
  await page.setViewportSize({ width: 853, height: 480 });
  await page.screenshot({ path: `${SHOTS}/code-consent-dialog-150.png` });
  for (const id of ['code-consent-accept', 'code-consent-decline']) {
    const box = (await dialog.getByTestId(id).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(480);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

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

/** Scorers whose answers depend on the engine's arithmetic, sorting, strings, regular expressions and JSON. */
const PORTABLE_SCORERS = [
  'return Math.sin(state.x) * Math.exp(state.x / 3) + Math.atan2(state.x, 7) + Math.hypot(3, state.x);',
  'return (0.1 * state.x + 0.2).toFixed(17) + "|" + (state.x / 7).toPrecision(21) + "|" + (1e21 * state.x).toString(36);',
  'return [...state.list].sort((a, b) => (a % 3) - (b % 3)).join(",");',
  'return "Graph of Thoughts ÅÉ ǅ".normalize("NFD").split("").reverse().join("").toUpperCase().replace(/[aeiou]/gi, "*");',
  'return JSON.stringify({ b: state.x, a: [state.list.length, -0, 1e-7, 2 ** 53 + 1], c: "\\u2028" });',
  'return Object.keys({ 2: 1, b: 2, 1: 3, a: 4 }).concat(String(Symbol("s").description), typeof BigInt(7), new Date(Date.UTC(2024, 1, 29)).toISOString());',
];

test('the app and the CLI give the same answers: both run the one QuickJS sandbox', async ({ page }) => {
  const state = { x: 3, list: [5, 3, 8, 1, 9, 2, 7, 4, 6, 0] };
  const module = await newQuickJSWASMModuleFromVariant(variant);
  const inNode = PORTABLE_SCORERS.map((code) => runInQuickJs(module, { code, argName: 'state', arg: JSON.stringify(state), timeoutMs: 2000 }));
  expect(inNode.every((o) => o.ok)).toBe(true);

  await new RunPage(page).editor.open();
  // The dev server serves the app's modules by path: this is the runner the app's runs use.
  const inApp = await page.evaluate(
    async ({ scorers, input }) => {
      const { appScriptRunner } = (await import('/src/ui/scripts/workerScriptRunner.ts' as string)) as typeof import('../src/ui/scripts/workerScriptRunner');
      const runner = appScriptRunner();
      const out: string[] = [];
      for (const code of scorers) out.push(JSON.stringify(await runner.run(code, 'state', input, 2000)));
      return out;
    },
    { scorers: PORTABLE_SCORERS, input: state },
  );
  expect(inApp).toEqual(inNode.map((o) => (o.ok ? JSON.stringify(JSON.parse(o.json)) : o.message)));
});
