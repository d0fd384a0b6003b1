import { SIMULATOR_ID, type SimulatorOptions } from '../engine/index';

/** Knobs of the offline simulator the servers pass on from their command line or plugin settings. */
export type SimulatorSettings = Pick<SimulatorOptions, 'seed' | 'latencyMs' | 'tokenMs' | 'ignoreRequestSeed'>;

/** Names the simulator servers answer to: its own, and `simulator` (the CLI's default --model), so `--base-url` alone works. */
export const SIMULATOR_MODEL_NAMES: readonly string[] = [SIMULATOR_ID.model, 'simulator'];
