import { lazy, useState, type ComponentType } from 'react';

/** A view whose code loads on demand, with a way to fetch that code ahead of time. */
export interface Preloadable<P extends object> {
  Component: ComponentType<P>;
  /** Starts (or joins) loading the code; resolves once it is loaded. */
  preload: () => Promise<unknown>;
}

/** The props of export `K` of module `M`, a component. */
type PropsOf<M, K extends keyof M> = M[K] extends ComponentType<infer P> ? (unknown extends P ? object : P & object) : never;

/** Bumped by each Retry: a view whose load failed before it fetches again on its next mount. */
let retries = 0;

/** Lets every view whose code failed to load try again (a LoadBoundary's Retry calls it). */
export function retryFailedLoads(): void {
  retries += 1;
}

/**
 * The URL of the module a failed dynamic import names (Chromium: "Failed to fetch dynamically imported
 * module: URL"; Firefox: "error loading dynamically imported module: URL"), if it is of this page's
 * origin; null otherwise (Safari names none).
 */
export function failedModuleUrl(err: unknown, origin: string = globalThis.location?.origin ?? ''): string | null {
  const message = err instanceof Error ? err.message : String(err);
  const named = /dynamically imported module:?\s+(\S+)/i.exec(message)?.[1];
  if (!named) return null;
  try {
    const url = new URL(named);
    return url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The same module under a query no earlier import used. A browser may keep a failed import's failure
 * for the page's life (its module map; Chromium 150 does), so importing the same URL again fails at
 * once without a fetch; another URL is fetched afresh. The failed one never ran, so the module still
 * runs once.
 */
export function freshModuleUrl(url: string, attempt: number): string {
  const fresh = new URL(url);
  fresh.searchParams.set('retry', String(attempt));
  return fresh.href;
}

const importFresh = (url: string): Promise<unknown> => import(/* @vite-ignore */ url);

/**
 * Like React.lazy, but once `preload` has brought the code the view renders at once: a lazy view
 * always suspends on its first render (and React then holds the reveal for up to 300 ms), which
 * during a live run means a fallback, a late mount and a burst of layout while answers arrive.
 * `load` imports the module; `name` is the component's export. A failed load (offline, or a chunk gone
 * after an update) is tried again once the user asks (`retryFailedLoads`, the Retry of a LoadBoundary),
 * which React.lazy alone never does: it keeps its first rejection for the page's life. Not sooner: a
 * mount that never commits would fetch in a loop. The retry imports the failed module under a fresh URL
 * (`freshModuleUrl`) where the browser named it, as a browser may keep the failure under the old one.
 */
export function preloadable<M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  imports: (url: string) => Promise<unknown> = importFresh,
): Preloadable<PropsOf<M, K>> {
  type P = PropsOf<M, K>;
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  /** The module's URL as the last failed import named it. */
  let failedUrl: string | null = null;
  const importModule = (): Promise<M> => (failedUrl === null ? load() : (imports(freshModuleUrl(failedUrl, retries)) as Promise<M>));
  const preload = (): Promise<ComponentType<P>> =>
    (pending ??= importModule().then(
      (module) => (loaded = module[name] as unknown as ComponentType<P>),
      (err: unknown) => {
        pending = null;
        failedUrl = failedModuleUrl(err) ?? failedUrl;
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

/** A view whose code loads when it first renders (React.lazy that can be retried after a failed load): export `name` of the module `load` imports. */
export function lazyView<M, K extends keyof M & string>(load: () => Promise<M>, name: K, imports?: (url: string) => Promise<unknown>): ComponentType<PropsOf<M, K>> {
  return preloadable(load, name, imports).Component;
}
