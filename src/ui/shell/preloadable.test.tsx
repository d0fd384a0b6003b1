// @vitest-environment happy-dom
import { act, Suspense, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it } from 'vitest';
import { failedModuleUrl, freshModuleUrl, preloadable } from './preloadable';

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
  const view = preloadable(() => Promise.resolve({ Hello }), 'Hello');
  await view.preload();
  expect(firstCommit(view.Component)).toBe('hello run');
});

it('a view not yet preloaded shows the fallback first and then itself, as React.lazy does', async () => {
  const view = preloadable(() => Promise.resolve({ Hello }), 'Hello');
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

it('takes the URL of a failed module from the browser’s message only where it names one of this page’s origin', () => {
  const origin = 'https://studio.example';
  expect(failedModuleUrl(new TypeError(`Failed to fetch dynamically imported module: ${origin}/assets/HelpDialog-x1.js`), origin)).toBe(`${origin}/assets/HelpDialog-x1.js`);
  expect(failedModuleUrl(new TypeError(`error loading dynamically imported module: ${origin}/assets/a.js`), origin)).toBe(`${origin}/assets/a.js`);
  expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: https://elsewhere.example/x.js'), origin)).toBeNull();
  expect(failedModuleUrl(new TypeError('Importing a module script failed.'), origin)).toBeNull();
  expect(freshModuleUrl(`${origin}/assets/a.js?v=3`, 2)).toBe(`${origin}/assets/a.js?v=3&retry=2`);
});
