import { SIMULATOR_ID, simulatorModel, type LanguageModel } from '../engine/index';

/** Knobs of the offline simulator as the servers pass them on. */
export interface SimulatorSettings {
  seed?: number;
  /** Base milliseconds before the first token. */
  latencyMs?: number;
  /** Milliseconds per streamed output token. */
  tokenMs?: number;
}

/** The offline simulator the servers serve, built from command-line or plugin settings. */
export function loadSimulatorModel(settings: SimulatorSettings = {}): LanguageModel {
  return simulatorModel({
    ...(settings.seed === undefined ? {} : { seed: settings.seed }),
    ...(settings.latencyMs === undefined ? {} : { latencyMs: settings.latencyMs }),
    ...(settings.tokenMs === undefined ? {} : { tokenMs: settings.tokenMs }),
  });
}

/** Names the simulator servers answer to: its own, and `simulator` (the CLI's default --model), so `--base-url` alone works. */
export const SIMULATOR_MODEL_NAMES: readonly string[] = [SIMULATOR_ID.model, 'simulator'];
