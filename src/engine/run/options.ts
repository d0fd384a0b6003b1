import type { ThoughtState } from '../graph/specs';
import type { OperationId } from '../graph/ids';
import type { FunctionRegistry, ScriptRunner } from '../functions/types';
import type { LanguageModel, TokenUsage } from '../models/types';
import type { GrsState } from '../grs/state';
import type { Budget, RunEvent, RunSummary } from './events';
import type { RunReuse } from './forkReuse';

/** Hooks that let a caller hold the run between steps (Step, Pause/Resume). */
export interface RunControl {
  /** Awaited before an operation starts (nothing returned: it starts at once). */
  beforeOperation?: (opId: OperationId) => Promise<void> | void;
  /** Awaited before each model call starts (nothing returned: it starts at once). */
  beforeCall?: (opId: OperationId) => Promise<void> | void;
}

export interface RunOptions {
  model: LanguageModel;
  functions: FunctionRegistry;
  /** The input state; defaults to the document's input. */
  input?: ThoughtState;
  /** Model calls in flight at once (default 8; Infinity for no limit). */
  concurrency?: number;
  budget?: Budget;
  /** Seeds per-call seeds so a run is reproducible (default 0). */
  seed?: number;
  /** The dataset row this run works on, if any (part of cache keys and reports). */
  sampleIndex?: number | null;
  signal?: AbortSignal;
  /** Every event, in order, as it happens. */
  onEvent?: (event: RunEvent) => void;
  /** Milliseconds clock; defaults to performance.now. */
  clock?: () => number;
  /** Dollars for a call's usage; defaults to 0. */
  cost?: (usage: TokenUsage) => number;
  /** Runs user JavaScript functions; without one, a graph that uses them fails with a clear error. */
  scripts?: ScriptRunner;
  /** Defaults for operations that leave temperature / max tokens empty. */
  defaults?: { temperature?: number; maxTokens?: number };
  control?: RunControl;
  /** The run's id in its log (default: a random one). */
  runId?: string;
  /** Whether the model answers from a response cache; recorded in the run's settings (default false). */
  cache?: boolean;
  /** A fork's carried-over results: these operations complete at once with their original thoughts (no model calls). */
  reuse?: RunReuse;
}

export interface RunResult {
  summary: RunSummary;
  events: RunEvent[];
  /** The final GRS, built from `events` by the reducer (rebuildGrs(events) equals it). */
  grs: GrsState;
}
