import type { AppStore } from '../store/createAppStore';
import { preloadRunViews } from './panel/preloadRunViews';
import type { RunController } from './runController';

/** What the run controls ask of the run controller. */
export type AppRunControls = Pick<RunController, 'run' | 'runBatch' | 'fork' | 'step' | 'pause' | 'resume' | 'cancel'> & {
  /** Starts loading the run machinery (the engine's scheduler, the sandbox, history, the model's SDK, the run's views), e.g. when the pointer reaches Run. */
  preload(): void;
};

const facades = new WeakMap<AppStore, AppRunControls>();

/**
 * The app's run controls for a store. The controller and everything a run needs load with the
 * first run (or when the pointer reaches the Run button), not with the editor.
 */
export function controllerFor(store: AppStore): AppRunControls {
  let f = facades.get(store);
  if (f) return f;
  let loading: Promise<RunController> | null = null;
  const load = () => (loading ??= import('./appRunController').then((m) => m.appRunController(store)));
  let loaded: RunController | null = null;
  const later = (act: (c: RunController) => unknown) => void load().then((c) => ((loaded = c), act(c)));
  f = {
    preload: () => {
      preloadRunViews();
      void load().then((c) => {
        loaded = c;
        c.preload();
      });
    },
    run: async (opts) => (loaded = await load()).run(opts),
    runBatch: async (from, to, view) => (loaded = await load()).runBatch(from, to, view),
    fork: async (change) => (loaded = await load()).fork(change),
    step: () => (loaded ? loaded.step() : later((c) => c.step())),
    pause: () => loaded?.pause(),
    resume: () => loaded?.resume(),
    cancel: () => loaded?.cancel(),
  };
  facades.set(store, f);
  return f;
}
