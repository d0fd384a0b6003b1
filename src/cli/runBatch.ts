import {
  BUDGET_CAP_WORDS,
  GraphInvalidError,
  runSamples,
  SharedBudget,
  type Budget,
  type BatchStop,
  type BudgetUsage,
  type FunctionRegistry,
  type RunEvent,
  type RunSummary,
  type ScriptRunner,
} from '../engine/index';
import { CliError, EXIT } from './errors';
import type { RunInput } from './inputs';
import { invalidGraph, type LoadedGraph } from './loadGraph';
import { UNREACHABLE_KINDS, unreachable, type ModelSetup } from './modelSetup';
import type { ProgressReporter } from './progress';

/** One sample's run: its events (partial when cancelled) and summary (null when it never ran). */
export interface SampleRun extends RunInput {
  events: readonly RunEvent[];
  summary: RunSummary | null;
}

export interface BatchOptions {
  graph: LoadedGraph;
  inputs: readonly RunInput[];
  setup: ModelSetup;
  functions: FunctionRegistry;
  scripts: ScriptRunner;
  concurrency: number;
  /** A cap for the whole batch (the engine's batch budget rule); a SharedBudget spans several batches. */
  budget: Budget | SharedBudget;
  seed: number;
  signal: AbortSignal;
  progress: ProgressReporter;
}

/** A batch's runs, what they spent, and why it stopped early (budget, cancel, unreachable model), if it did. */
export interface BatchResult {
  runs: SampleRun[];
  used: BudgetUsage;
  stop: CliError | null;
  /** Samples whose run failed for another reason, as `label: reason`. */
  failures: string[];
}

/** Runs a graph on each input in turn with the engine's batch loop, and stops at the first batch-ending problem. */
export async function runBatch(o: BatchOptions): Promise<BatchResult> {
  const operations = o.graph.document.operations.length;
  const shared = o.budget instanceof SharedBudget ? o.budget : new SharedBudget(o.budget);
  const model = o.setup.forSample.bind(o.setup);
  let unreachableStop: CliError | null = null;
  let batch;
  try {
    batch = await runSamples(o.graph.document, {
      samples: o.inputs,
      functions: o.functions,
      scripts: o.scripts,
      concurrency: o.concurrency,
      seed: o.seed,
      budget: shared,
      signal: o.signal,
      prepare: (sample) => ({ model: model(sample.sampleIndex), cost: o.setup.cost }),
      onProgress: (e) => {
        if (e.type === 'sample.start') {
          o.progress.startSample({ scheme: o.graph.name, label: e.sample.label, position: e.position + 1, total: e.total, operations });
          e.handle.subscribe((event) => o.progress.event(event));
        } else if (e.run.kind === 'ran') {
          o.progress.endSample(e.run.sample.label, e.run.summary);
        }
      },
      stopAfterFailure: (run) => {
        const fatal = run.events.find((e): e is Extract<RunEvent, { type: 'call.error' }> => e.type === 'call.error' && UNREACHABLE_KINDS.has(e.kind));
        if (!fatal) return null;
        unreachableStop = unreachable(o.setup.record.baseUrl, fatal.message, fatal.kind);
        return fatal.message;
      },
    });
  } catch (e) {
    o.progress.finish();
    if (e instanceof GraphInvalidError) throw invalidGraph(o.graph.path, e.diagnostics);
    throw e;
  }
  const stop = batch.stop;
  // A run that stopped the batch (the model is unreachable) is reported by the stop, not as a failure of its own.
  const failures = batch.runs.flatMap((r) =>
    r.kind === 'ran' && r.summary.status === 'failed' && !(stop?.kind === 'failure' && stop.label === r.sample.label) ? [`${o.graph.name} ${r.sample.label}: ${r.summary.reason ?? 'see the run log'}`] : [],
  );
  const runs: SampleRun[] = batch.runs.map((r) => ({ ...(o.inputs[r.position] as RunInput), events: r.kind === 'ran' ? r.events : [], summary: r.kind === 'ran' ? r.summary : null }));
  return { runs, used: batch.used, failures, stop: stop ? cliStop(stop, unreachableStop) : null };
}

function cliStop(stop: BatchStop, unreachableStop: CliError | null): CliError {
  switch (stop.kind) {
    case 'cancelled':
      return new CliError(EXIT.cancelled, 'Cancelled (Ctrl+C). Partial results are kept.');
    case 'budget':
      return new CliError(EXIT.budget, `${stop.message} Raise it with --budget ${BUDGET_CAP_WORDS[stop.cap]}=N.`);
    case 'failure':
      return unreachableStop ?? new CliError(EXIT.runFailed, stop.message);
  }
}
