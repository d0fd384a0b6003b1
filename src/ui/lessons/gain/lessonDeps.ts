import { costOf, simulatorModel, type GotDocument } from '../../../engine/index';
import type { CompareDeps } from '../../compare/compareRunner';
import { compareDepsFor } from '../../compare/compareSession';
import { priceFor } from '../../run/settings/modelPrices';
import type { ModelSettings } from '../../run/settings/modelSettings';

/**
 * The lesson's runs on the current model settings. With `instant`, the simulator answers without
 * its simulated wait: the same answers (they depend only on the seed and the messages), so the
 * lesson's 300 runs take seconds instead of minutes; kept results are shared with Compare either way.
 */
export function lessonDeps(settings: ModelSettings, anyDoc: GotDocument, instant: boolean): Omit<CompareDeps, 'signal' | 'onProgress' | 'onOutcome'> {
  const deps = compareDepsFor(settings, anyDoc, true);
  if (!instant || settings.provider !== 'simulator') return deps;
  // 1 ms, not 0: each answer waits for a timer, so the page gets to draw the results between runs.
  const model = simulatorModel({ seed: settings.simulator.seed, latency: { baseMs: 1, perTokenMs: 0 } });
  const price = priceFor(settings);
  return { ...deps, prepareModel: async () => ({ model, cost: (u) => costOf(u, price) }) };
}
