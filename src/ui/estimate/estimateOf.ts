import type { GotDocument } from '../../engine/index';
import type { ModelPricing } from '../store/runsSlice';
import { estimateRun, type RunEstimate } from './estimateRun';

const cache = new WeakMap<GotDocument, { pricing: ModelPricing; estimate: RunEstimate }>();

/** The run estimate of one document version and model price, computed once. */
export function estimateOf(doc: GotDocument, pricing: ModelPricing): RunEstimate {
  const hit = cache.get(doc);
  if (hit && hit.pricing === pricing) return hit.estimate;
  const estimate = estimateRun(doc, pricing);
  cache.set(doc, { pricing, estimate });
  return estimate;
}
