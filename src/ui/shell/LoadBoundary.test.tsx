// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { expect, it, vi } from 'vitest';
import { isChunkLoadError, LoadBoundary } from './LoadBoundary';
import { lazyView } from './preloadable';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Hello() {
  return <b>hello</b>;
}

const HELP_URL = `${location.origin}/src/ui/dialogs/HelpDialog.tsx`;
const offline = () => new TypeError(`Failed to fetch dynamically imported module: ${HELP_URL}`);

it('names the failures browsers give for a code chunk that did not arrive, and nothing else', () => {
  expect(isChunkLoadError(offline())).toBe(true);
  expect(isChunkLoadError(new TypeError('error loading dynamically imported module'))).toBe(true);
  expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
  expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false);
});

it('a view whose code fails to load shows a notice in its place, and Retry fetches it again and shows it', async () => {
  let online = false;
  // A browser that keeps a failed import's failure under its URL (Chromium 150): only another URL fetches again.
  const load = vi.fn(() => Promise.reject(offline()));
  const fresh = vi.fn((url: string) => (online ? Promise.resolve({ Hello }) : Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`))));
  const View = lazyView(load, 'Hello', fresh);
  const host = document.createElement('div');
  const root = createRoot(host);
  const quietConsole = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await act(async () =>
    root.render(
      <>
        <i>editor</i>
        <LoadBoundary what="the help dialog" fallback={<i>loading</i>}>
          <View />
        </LoadBoundary>
      </>,
    ),
  );
  quietConsole.mockRestore();
  expect(host.textContent).toContain('editor');
  expect(host.querySelector('[role="alert"]')?.textContent).toContain('The code for the help dialog could not be fetched');
  expect(host.textContent).toContain('Your graph and runs are kept');
  const failedLoads = load.mock.calls.length;
  online = true;
  await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="load-retry"]')!.click());
  expect(host.textContent).toBe('editorhello');
  // The retry fetched the module the browser named, under a URL no import used before.
  expect(load).toHaveBeenCalledTimes(failedLoads);
  expect(fresh).toHaveBeenCalledTimes(1);
  expect(fresh.mock.calls[0]![0]).toMatch(/\?retry=\d+$/);
  expect(fresh.mock.calls[0]![0].startsWith(`${HELP_URL}?retry=`)).toBe(true);
  await act(async () => root.unmount());
});

it('a quiet place shows nothing when its code fails, and the rest renders on', async () => {
  const View = lazyView(() => Promise.reject(offline()), 'default');
  const host = document.createElement('div');
  const root = createRoot(host);
  const quietConsole = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await act(async () =>
    root.render(
      <>
        <i>node</i>
        <LoadBoundary what="the stack's strip" fallback={null} quiet>
          <View />
        </LoadBoundary>
      </>,
    ),
  );
  quietConsole.mockRestore();
  expect(host.textContent).toBe('node');
  await act(async () => root.unmount());
});

it('a view that throws while rendering is named with its error, not taken for a network failure', async () => {
  function Broken(): never {
    throw new Error('no thoughts to show');
  }
  const host = document.createElement('div');
  const root = createRoot(host);
  const quietConsole = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await act(async () =>
    root.render(
      <LoadBoundary what="the Thoughts view" fallback={null}>
        <Broken />
      </LoadBoundary>,
    ),
  );
  quietConsole.mockRestore();
  expect(host.textContent).toContain('The Thoughts view stopped with an error: no thoughts to show.');
  await act(async () => root.unmount());
});

it('once a Retry fails to fetch the code too, offers to reload the page (the graph is saved) beside Retry', async () => {
  const View = lazyView(() => Promise.reject(offline()), 'Hello', (url) => Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`)));
  const reload = vi.fn();
  const host = document.createElement('div');
  const root = createRoot(host);
  const quietConsole = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await act(async () =>
    root.render(
      <LoadBoundary what="the help dialog" fallback={null} reload={reload}>
        <View />
      </LoadBoundary>,
    ),
  );
  // The first failure offers Retry alone.
  expect(host.querySelector('[data-testid="load-reload"]')).toBeNull();
  await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="load-retry"]')!.click());
  quietConsole.mockRestore();
  expect(host.querySelector('[data-testid="load-reload-note"]')?.textContent).toContain('your graph is saved');
  await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="load-reload"]')!.click());
  expect(reload).toHaveBeenCalledTimes(1);
  expect(host.querySelector('[data-testid="load-retry"]')).not.toBeNull();
  await act(async () => root.unmount());
});
