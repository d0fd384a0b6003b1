import { redactUrl, type GotDocument } from '../../engine/index';
import { appFunctions } from '../functions/registry';
import { sampleInput } from '../run/sampleInput';
import { buildModel } from '../run/settings/buildModel';
import { appKeyVault } from '../run/settings/keyVault';
import { priceFor } from '../run/settings/modelPrices';
import { modelLabel, type ModelSettings } from '../run/settings/modelSettings';
import { appScriptRunner } from '../scripts/workerScriptRunner';
import type { CompareDeps } from './compareRunner';
import { keptResults } from './keptResults';

/** The seed a comparison runs with: the simulator's, else the engine's default. */
export const seedOf = (settings: ModelSettings): number => (settings.provider === 'simulator' ? settings.simulator.seed : 0);

/** What keys kept results on the model side: its identity and this device's prices, never a key or a URL's password. */
export function keptModelOf(settings: ModelSettings): { provider: string; baseUrl: string; model: string; price: { input: number; output: number } } {
  const id = modelLabel(settings);
  const price = priceFor(settings);
  return { provider: settings.provider, baseUrl: redactUrl(id.baseUrl), model: id.model, price: { input: price?.input ?? 0, output: price?.output ?? 0 } };
}

/** Everything runComparison needs from the app, for the current model settings; rows come from each graph's dataset (else `fallback`'s). */
export function compareDepsFor(settings: ModelSettings, fallback: GotDocument, useKept: boolean): Omit<CompareDeps, 'signal' | 'onProgress' | 'onOutcome'> {
  return {
    prepareModel: async (i) => buildModel(settings, appKeyVault().get(), i),
    functions: appFunctions(),
    scripts: appScriptRunner(),
    input: (d, i) => sampleInput(d.dataset ? d : { ...d, dataset: fallback.dataset }, i),
    concurrency: settings.concurrency,
    budget: settings.budget,
    seed: seedOf(settings),
    ...(useKept ? { kept: keptResults(keptModelOf(settings), seedOf(settings)) } : {}),
  };
}
