// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { builtinFunctions, runGraph, type RunEvent } from '../../engine/index';
import { scriptedModel } from '../../engine/models/scripted';
import { buildDocument, buildOperation } from '../../engine/testing/index';
import { createAppStore } from '../store/createAppStore';
import { StoreProvider } from '../store/StoreProvider';
import { Timeline } from './Timeline';
import { setTimelineDock } from './timelineDock';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

it('the timeline docks in the element the run drawer offers, and floats where it was once the drawer folds', async () => {
  const doc = buildDocument([buildOperation('g', 'generate', [], { samples: 1, prompt: 'sort {{current}}', parser: { kind: 'list', key: 'current', items: 'numbers' } })], { current: [2, 1] });
  const events: RunEvent[] = [];
  await runGraph(doc, { model: scriptedModel({ answer: () => '[1, 2]' }), functions: builtinFunctions(), onEvent: (e) => events.push(e) });
  const store = createAppStore();
  store.getState().ingestRunEvents(events);
  const host = document.createElement('div');
  const dock = document.createElement('div');
  document.body.append(host, dock);
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <StoreProvider store={store}>
        <Timeline />
      </StoreProvider>,
    ),
  );
  expect(host.querySelector('[data-testid="timeline"]')).not.toBeNull();
  await act(async () => setTimelineDock(dock));
  expect(host.querySelector('[data-testid="timeline"]')).toBeNull();
  expect(dock.querySelector('[data-testid="timeline"]')).not.toBeNull();
  await act(async () => setTimelineDock(null));
  expect(dock.querySelector('[data-testid="timeline"]')).toBeNull();
  expect(host.querySelector('[data-testid="timeline"]')).not.toBeNull();
  await act(async () => root.unmount());
});
