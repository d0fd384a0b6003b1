// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { renderInStore } from '../testing/renderInStore';
import { storeWithSortOnceRun } from '../testing/sortOnceRun';
import { RunSummaryPanel } from './panel/RunSummaryPanel';

it('a run whose answers cannot be parsed shows "Failed" with the operation, the parse error and the answer in the run summary', async () => {
  const store = await storeWithSortOnceRun('Sorry, no.');
  const { host, unmount } = await renderInStore(store, <RunSummaryPanel />);
  const status = host.querySelector('[data-testid="summary-status"]')?.textContent ?? '';
  expect(status).toMatch(/^Failed — g \(g\) could not parse its answer: .*The answer began: "Sorry, no\."$/);
  await unmount();
});
