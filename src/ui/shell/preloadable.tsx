import { lazy, useState, type ComponentType } from 'react';

/** A view whose code loads on demand, with a way to fetch that code ahead of time. */
export interface Preloadable<P extends object> {
  Component: ComponentType<P>;
  /** Starts (or joins) loading the code; resolves once it is loaded. */
  preload: () => Promise<unknown>;
}

/**
 * Like React.lazy, but once `preload` has brought the code the view renders at once: a lazy view
 * always suspends on its first render (and React then holds the reveal for up to 300 ms), which
 * during a live run means a fallback, a late mount and a burst of layout while answers arrive.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (err: unknown) => {
        // A failed fetch (offline) may be retried on the next render or preload.
        pending = null;
        throw err;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the loaded view later would remount it and lose its state.
    const [View] = useState<ComponentType<P>>(() => loaded ?? (Lazy as unknown as ComponentType<P>));
    return <View {...props} />;
  }
  return { Component: Preloaded, preload };
}
