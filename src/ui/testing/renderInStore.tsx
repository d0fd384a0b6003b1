// Renders UI under an app store into the test's DOM (happy-dom), inside act(), for unit tests of panels and views.
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppStore } from '../store/createAppStore';
import { StoreProvider } from '../store/StoreProvider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  /** The element the UI was rendered into (in document.body). */
  host: HTMLElement;
  unmount: () => Promise<void>;
}

/** Renders `ui` under `store` and waits for React to settle. */
export async function renderInStore(store: AppStore, ui: ReactNode): Promise<Rendered> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  await act(async () => root.render(<StoreProvider store={store}>{ui}</StoreProvider>));
  return { host, unmount: () => act(async () => root.unmount()) };
}
