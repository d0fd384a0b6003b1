// @vitest-environment happy-dom
import { act, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { preloadable } from './preloadable';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Hello({ name }: { name: string }) {
  return <b>hello {name}</b>;
}

/** Renders `Component` under a Suspense boundary synchronously (one act, no awaiting) and returns what the first commit shows. */
function firstCommit(Component: ComponentType<{ name: string }>): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() =>
    root.render(
      <Suspense fallback={<i>loading</i>}>
        <Component name="run" />
      </Suspense>,
    ),
  );
  const text = host.textContent ?? '';
  act(() => root.unmount());
  return text;
}

it('a preloaded view renders in its first commit, without the Suspense fallback a lazy view shows', async () => {
  const view = preloadable(() => Promise.resolve(Hello));
  await view.preload();
  expect(firstCommit(view.Component)).toBe('hello run');
});

it('a view not yet preloaded shows the fallback first and then itself, as React.lazy does', async () => {
  const view = preloadable(() => Promise.resolve(Hello));
  const host = document.createElement('div');
  const root = createRoot(host);
  await act(async () =>
    root.render(
      <Suspense fallback={<i>loading</i>}>
        <view.Component name="later" />
      </Suspense>,
    ),
  );
  expect(host.textContent).toBe('hello later');
  await act(async () => root.unmount());
});
