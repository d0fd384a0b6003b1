import type { LanguageModel, TokenUsage } from '../../../engine/index';
import type { ModelSettings } from './modelSettings';
import { preconnect } from './preconnect';

export { PROXY_BASE_URL } from './proxyBase';

let loading: Promise<typeof import('./modelProviders')> | undefined;
// The providers (the simulator, the openai client wrapper, the cache) load when a run first needs them, not with the editor.
// One import() kept: awaiting it again costs a microtask, where each new import() of a loaded chunk waits for a task of its own.
const providers = () => {
  loading ??= import('./modelProviders');
  loading.catch(() => (loading = undefined));
  return loading;
};

/** Starts loading what a run with these settings needs (the providers, a real model's SDK, the connection to its endpoint and its CORS preflight), e.g. when the pointer reaches Run. */
export function preloadModelFor(settings: ModelSettings): void {
  if (settings.provider === 'openai') preconnect(settings.openai.baseUrl);
  void providers()
    .then((p) => {
      if (settings.cache) p.warmCacheNow();
      return p;
    })
    // The preflight warm-up is a chunk of its own, fetched when a run is in sight: the idle prefetch has no bytes to spare.
    .then((p): Promise<unknown> | undefined =>
      settings.provider === 'openai'
        ? Promise.all([p.preloadOpenAiSdk(), import('./warmPreflight')]).then(([sdk, w]) => w.warmPreflight(sdk, settings.openai.baseUrl))
        : settings.provider === 'proxy'
          ? p.preloadOpenAiSdk()
          : undefined,
    )
    .catch(() => undefined);
}

/** The bare model for the settings (no cache): what "Test connection" talks to. */
export async function bareModel(settings: ModelSettings, apiKey: string): Promise<LanguageModel> {
  return (await providers()).bareModelNow(settings, apiKey);
}

/** The model a run uses: the provider, behind the response cache (memory over IndexedDB) when it is on, and this device's price for it. */
export async function buildModel(settings: ModelSettings, apiKey: string, sampleIndex: number | null): Promise<{ model: LanguageModel; cost: (u: TokenUsage) => number }> {
  const p = await providers();
  // A real model's SDK is loaded before the run starts, so its first call is not slowed by the load.
  if (settings.provider !== 'simulator') await p.preloadOpenAiSdk();
  return p.buildModelNow(settings, apiKey, sampleIndex);
}
