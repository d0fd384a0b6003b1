import { lazy, useState, type ComponentType } from 'react';

/** A view whose code loads on demand, with a way to fetch that code ahead of time. */
export interface Preloadable<P extends object> {
  Component: ComponentType<P>;
  /** Starts (or joins) loading the code; resolves once it is loaded. */
  preload: () => Promise<unknown>;
}

/** Bumped by each Retry: a view whose load failed before it fetches again on its next mount. */
let retries = 0;

/** Lets every view whose code failed to load try again (a LoadBoundary's Retry calls it). */
export function retryFailedLoads(): void {
  retries += 1;
}

/**
 * Like React.lazy, but once `preload` has brought the code the view renders at once: a lazy view
 * always suspends on its first render (and React then holds the reveal for up to 300 ms), which
 * during a live run means a fallback, a late mount and a burst of layout while answers arrive.
 * A failed load (offline, or a chunk gone after an update) is tried again once the user asks
 * (`retryFailedLoads`, the Retry of a LoadBoundary), which React.lazy alone never does: it keeps its
 * first rejection for the page's life. Not sooner: a mount that never commits would fetch in a loop.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        pending = null;
        throw err;
      },
    ));
  const makeLazy = (): ComponentType<P> =>
    lazy(() =>
      preload().then(
        (component) => ({ default: component }),
        (err: unknown) => {
          // This wrapper now holds the rejection for good; a Retry after it gets a fresh one.
          failedIn = retries;
          throw err;
        },
      ),
    ) as unknown as ComponentType<P>;
  let fallback = makeLazy();
  let failedIn: number | null = null;
  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded view later would remount it and lose its state.
    const [View] = useState<ComponentType<P>>(() => {
      if (failedIn !== null && failedIn !== retries) {
        failedIn = null;
        fallback = makeLazy();
      }
      return loaded ?? fallback;
    });
    return <View {...props} />;
  }
  return { Component: Preloaded, preload };
}

/** A view whose code loads when it first renders (React.lazy that can be retried after a failed load). */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return preloadable(load).Component;
}
