import {
  costOf,
  DEFAULT_PRICES,
  lookupPrice,
  openAIModel,
  SIMULATOR_PRICE_KEY,
  simulatorModel,
  withCache,
  type LanguageModel,
  type ModelPrice,
  type TokenUsage,
} from '../../../engine/index';
import { idbCacheStore } from '../../storage/idbCacheStore';
import type { ModelSettings } from './modelSettings';

/** Same-origin path of the dev/preview servers' model proxy (the key stays on the server). */
export const PROXY_BASE_URL = '/api/llm';

let cacheStore: ReturnType<typeof idbCacheStore> | null = null;

/** The price a provider's calls are costed at. */
export function priceFor(settings: ModelSettings): ModelPrice | undefined {
  if (settings.provider === 'simulator') return DEFAULT_PRICES[SIMULATOR_PRICE_KEY];
  return lookupPrice(DEFAULT_PRICES, settings.provider === 'proxy' ? settings.proxy.model : settings.openai.model);
}

/** The bare model for the settings (no cache): what "Test connection" talks to. */
export function bareModel(settings: ModelSettings, apiKey: string): LanguageModel {
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

/** The model a run uses: the provider, behind the IndexedDB response cache when it is on, and its pricing. */
export function buildModel(
  settings: ModelSettings,
  apiKey: string,
  sampleIndex: number | null,
): { model: LanguageModel; cost: (u: TokenUsage) => number } {
  const bare = bareModel(settings, apiKey);
  const price = priceFor(settings);
  const model = settings.cache ? withCache(bare, (cacheStore ??= idbCacheStore()), { enabled: true, sampleIndex }) : bare;
  return { model, cost: (u) => costOf(u, price) };
}
