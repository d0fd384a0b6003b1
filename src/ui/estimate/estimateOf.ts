import type { GotDocument } from '../../engine/index';
import type { ModelPricing } from '../store/runsSlice';
import { estimateRun, type RunEstimate } from './estimateRun';
import { currentTokenCounter, type TokenCounter } from './tokenCounter';

const cache = new WeakMap<GotDocument, { pricing: ModelPricing; counter: TokenCounter; estimate: RunEstimate }>();

/** The run estimate of one document version, model price and token counter, computed once. */
export function estimateOf(doc: GotDocument, pricing: ModelPricing): RunEstimate {
  const counter = currentTokenCounter();
  const hit = cache.get(doc);
  if (hit && hit.pricing === pricing && hit.counter === counter) return hit.estimate;
  const estimate = estimateRun(doc, pricing, counter);
  cache.set(doc, { pricing, counter, estimate });
  return estimate;
}
