export { preloadOpenAiSdk } from '../../../engine/index';
import { costOf, openAIModel, simulatorModel, withCache, withMemoryLayer, type CacheStore, type LanguageModel, type TokenUsage } from '../../../engine/index';
import { idbCacheStore } from '../../storage/idbCacheStore';
import { priceFor } from './modelPrices';
import type { ModelSettings } from './modelSettings';
import { PROXY_BASE_URL } from './proxyBase';

// One page-wide cache: answers already read stay in memory, so repeated hits skip IndexedDB.
let cacheStore: (CacheStore & { warm(): void }) | null = null;

/** The bare model for the settings (no cache): what "Test connection" talks to. */
export function bareModelNow(settings: ModelSettings, apiKey: string): LanguageModel {
  if (settings.provider === 'simulator') return simulatorModel({ seed: settings.simulator.seed, latencyMs: settings.simulator.latencyMs });
  const limits = {
    // A rate-limit storm (429s with retry-after) should wait and recover rather than fail the run.
    maxRetries: 5,
    maxConcurrency: settings.concurrency,
    requestsPerMinute: settings.requestsPerMinute > 0 ? settings.requestsPerMinute : undefined,
    stallMs: Math.max(1, settings.stallSeconds) * 1000,
    browser: true,
  };
  if (settings.provider === 'proxy') return openAIModel({ baseUrl: PROXY_BASE_URL, model: settings.proxy.model, ...limits });
  return openAIModel({ baseUrl: settings.openai.baseUrl, model: settings.openai.model, apiKey: apiKey || undefined, ...limits });
}

/** The page-wide response cache: memory over IndexedDB. */
const pageCache = () => (cacheStore ??= withMemoryLayer(idbCacheStore()));

/** Reads which answers the cache holds, ahead of a run (a first run's lookups then cost no IndexedDB read). */
export function warmCacheNow(): void {
  pageCache().warm();
}

/** The model a run uses: the provider, behind the response cache (memory over IndexedDB) when it is on, and this device's price for it. */
export function buildModelNow(settings: ModelSettings, apiKey: string, sampleIndex: number | null): { model: LanguageModel; cost: (u: TokenUsage) => number } {
  const bare = bareModelNow(settings, apiKey);
  const price = priceFor(settings);
  const model = settings.cache ? withCache(bare, pageCache(), { enabled: true, sampleIndex }) : bare;
  return { model, cost: (u) => costOf(u, price) };
}
