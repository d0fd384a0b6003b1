// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { builtinFunctions, runGraph, type RunEvent } from '../../engine/index';
import { scriptedModel } from '../../engine/models/scripted';
import { buildDocument, buildOperation } from '../../engine/testing/index';
import { createAppStore } from '../store/createAppStore';
import { StoreProvider } from '../store/StoreProvider';
import { RunSummaryPanel } from './panel/RunSummaryPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('a run whose answers cannot be parsed shows "Failed" with the operation, the parse error and the answer in the run summary', async () => {
  const doc = buildDocument([buildOperation('g', 'generate', [], { samples: 1, prompt: 'sort {{current}}', parser: { kind: 'list', key: 'current', items: 'numbers' } })], { current: [2, 1] });
  const events: RunEvent[] = [];
  await runGraph(doc, { model: scriptedModel({ answer: () => 'Sorry, no.' }), functions: builtinFunctions(), onEvent: (e) => events.push(e) });
  const store = createAppStore();
  store.getState().ingestRunEvents(events);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <StoreProvider store={store}>
        <RunSummaryPanel />
      </StoreProvider>,
    ),
  );
  const status = host.querySelector('[data-testid="summary-status"]')?.textContent ?? '';
  expect(status).toMatch(/^Failed — g \(g\) could not parse its answer: .*The answer began: "Sorry, no\."$/);
  await act(async () => root.unmount());
});
