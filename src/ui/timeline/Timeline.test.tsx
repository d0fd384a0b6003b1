// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it } from 'vitest';
import { renderInStore } from '../testing/renderInStore';
import { storeWithSortOnceRun } from '../testing/sortOnceRun';
import { Timeline } from './Timeline';
import { setTimelineDock } from './timelineDock';

it('the timeline docks in the element the run drawer offers, and floats where it was once the drawer folds', async () => {
  const store = await storeWithSortOnceRun('[1, 2]');
  const dock = document.createElement('div');
  document.body.append(dock);
  const { host, unmount } = await renderInStore(store, <Timeline />);
  expect(host.querySelector('[data-testid="timeline"]')).not.toBeNull();
  await act(async () => setTimelineDock(dock));
  expect(host.querySelector('[data-testid="timeline"]')).toBeNull();
  expect(dock.querySelector('[data-testid="timeline"]')).not.toBeNull();
  await act(async () => setTimelineDock(null));
  expect(dock.querySelector('[data-testid="timeline"]')).toBeNull();
  expect(host.querySelector('[data-testid="timeline"]')).not.toBeNull();
  await unmount();
});
