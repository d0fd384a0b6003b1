import { roughTokenCount, type GotDocument } from '../../engine/index';
import type { ModelPricing } from '../store/runsSlice';
import { estimateRun, type RunEstimate } from './estimateRun';
import { currentTokenCounter, type TokenCounter } from './tokenCounter';

const cache = new WeakMap<GotDocument, { pricing: ModelPricing; counter: TokenCounter; estimate: RunEstimate }>();

/**
 * The counter the chosen model bills with: the offline simulator (in the page or behind its HTTP
 * server) counts about four characters a token, a real model its tokenizer's tokens, which for
 * lists of digits is nearly three times as many.
 */
function counterFor(pricing: ModelPricing): TokenCounter {
  return isSimulatorPricing(pricing) ? roughTokenCount : currentTokenCounter();
}

/** Whether the chosen model is the offline simulator, whose token count needs no tokenizer. */
export const isSimulatorPricing = (pricing: ModelPricing): boolean => /simulator/i.test(pricing.label);

/** The run estimate of one document version, model price and token counter, computed once. */
export function estimateOf(doc: GotDocument, pricing: ModelPricing): RunEstimate {
  const counter = counterFor(pricing);
  const hit = cache.get(doc);
  if (hit && hit.pricing === pricing && hit.counter === counter) return hit.estimate;
  const estimate = estimateRun(doc, pricing, counter);
  cache.set(doc, { pricing, counter, estimate });
  return estimate;
}
