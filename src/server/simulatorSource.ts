import * as engine from '../engine/index';
import type { LanguageModel } from '../engine/index';
import { echoModel } from './echoModel';

/** Knobs of the offline simulator as the servers pass them on. */
export interface SimulatorSettings {
  seed?: number;
  /** Base milliseconds before the first token. */
  latencyMs?: number;
  /** Milliseconds per streamed output token. */
  tokenMs?: number;
}

type SimulatorFactory = (options: SimulatorSettings) => LanguageModel;

/**
 * The offline simulator model from the engine (`simulatorModel`), or a labelled echo model while
 * the engine ships none, so the servers always have something to serve.
 */
export function loadSimulatorModel(settings: SimulatorSettings = {}): { model: LanguageModel; simulated: boolean } {
  const factory = (engine as unknown as Record<string, unknown>).simulatorModel as SimulatorFactory | undefined;
  if (typeof factory === 'function') return { model: factory(settings), simulated: true };
  return { model: echoModel({ model: 'simulator', latencyMs: settings.latencyMs, tokenMs: settings.tokenMs }), simulated: false };
}
