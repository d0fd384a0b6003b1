export * from './types';
export { openAIModel, preloadOpenAiSdk, type OpenAIModel, type OpenAIModelConfig } from './openaiModel';
export { redactSecrets, displayUrl } from './openaiErrors';
export { createLimiter, type RequestLimiter, type LimiterOptions } from './limiter';
export { estimatePromptTokens, countTextTokens, roughTokenCount, encodingForModel } from './tokens';
export { DEFAULT_PRICES, SIMULATOR_PRICE_KEY, lookupPrice, costOf, parsePriceTable, type PriceTable } from './pricing';
export { withCache, memoryCacheStore, withMemoryLayer, cacheKey, cacheEntry, checkCacheEntry, UnreadableEntry, type CacheStore, type CachedCompletion, type CacheOptions } from './cache';
export { hashString } from './hash';
export { scriptedModel, timerSleep, type ScriptedModel, type ScriptedModelOptions, type ScriptedCall } from './scripted';
