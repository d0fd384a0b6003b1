import type { GotDocument } from '../graph/document';
import type { ThoughtState } from '../graph/specs';
import { validateDocument } from '../graph/validate';
import type { LanguageModel, TokenUsage } from '../models/types';
import { errorText, GraphInvalidError } from './errors';
import type { Budget, BudgetCap, RunEvent, RunSummary } from './events';
import type { RunOptions } from './options';
import { startCheckedRun, type RunHandle } from './runHandle';
import { budgetStopMessage, SharedBudget, type BudgetUsage } from './sharedBudget';

/** One sample of a batch: how people name it, its dataset row (if any) and its input when already known. */
export interface BatchSample {
  /** Shown in progress and messages, e.g. "#3" or "row 3". */
  label: string;
  sampleIndex: number | null;
  input?: ThoughtState;
}

/** What one sample's run needs that may take a wait to build: its model, prices and input. */
export interface SamplePreparation {
  model: LanguageModel;
  cost?: (usage: TokenUsage) => number;
  /** The input state; defaults to the sample's, else the document's. */
  input?: ThoughtState;
  /** Start this sample's run paused (Step mode). */
  paused?: boolean;
}

/** How one sample went: its events and summary, or why it never ran. */
export type SampleRun =
  | { kind: 'ran'; sample: BatchSample; position: number; events: readonly RunEvent[]; summary: RunSummary }
  | { kind: 'not run'; sample: BatchSample; position: number; error: string };

/** Why a batch stopped before its last sample. */
export type BatchStop =
  | { kind: 'budget'; cap: BudgetCap; label: string; message: string }
  | { kind: 'cancelled'; message: string }
  | { kind: 'failure'; label: string; message: string };

export interface BatchResult {
  /** The samples it got to, in order. */
  runs: SampleRun[];
  /** What the batch spent of its budget (of this call only, when the budget is shared further). */
  used: BudgetUsage;
  stop: BatchStop | null;
}

/** Progress of a batch, so a UI can fill in each sample as it finishes. */
export type BatchProgressEvent =
  | { type: 'sample.start'; position: number; total: number; sample: BatchSample; handle: RunHandle }
  | { type: 'sample.done'; position: number; total: number; run: SampleRun; used: BudgetUsage };

export interface RunSamplesOptions extends Omit<RunOptions, 'model' | 'cost' | 'input' | 'sampleIndex' | 'budget' | 'signal' | 'onEvent' | 'control'> {
  samples: readonly BatchSample[];
  /** Builds a sample's model and input just before it runs; a throw marks the sample "not run" and the batch goes on. */
  prepare: (sample: BatchSample, position: number) => Promise<SamplePreparation> | SamplePreparation;
  /** Caps the whole batch (see BATCH_BUDGET_RULE); pass a SharedBudget to share one cap across batches. */
  budget?: Budget | SharedBudget;
  signal?: AbortSignal;
  onProgress?: (event: BatchProgressEvent) => void;
  /** Whether a failed run ends the batch: the reason to stop (e.g. the model is unreachable), or null to go on. */
  stopAfterFailure?: (run: Extract<SampleRun, { kind: 'ran' }>) => string | null;
}

const CANCELLED: BatchStop = { kind: 'cancelled', message: 'The batch was cancelled; the samples it finished are kept.' };

/**
 * Runs one graph on samples, one after another, under one budget rule: the budget caps the whole
 * batch (each sample gets what the previous ones left; a sample that hits it, or a budget already
 * spent before a sample starts, stops the batch with a BatchStop saying so). Validates the graph
 * once (throws GraphInvalidError). A cancel stops at once and keeps what finished.
 */
export async function runSamples(document: GotDocument, options: RunSamplesOptions): Promise<BatchResult> {
  const { samples, prepare, signal, onProgress, stopAfterFailure, budget, ...runOptions } = options;
  const { graph, diagnostics } = validateDocument(document, { functions: options.functions });
  if (!graph) throw new GraphInvalidError(diagnostics);
  const shared = budget instanceof SharedBudget ? budget : new SharedBudget(budget ?? {});
  const before = { ...shared.used };
  const runs: SampleRun[] = [];
  const total = samples.length;
  const result = (stop: BatchStop | null): BatchResult => ({
    runs,
    used: { requests: shared.used.requests - before.requests, tokens: shared.used.tokens - before.tokens, cost: shared.used.cost - before.cost },
    stop,
  });
  const budgetStop = (cap: BudgetCap, label: string): BatchStop => ({ kind: 'budget', cap, label, message: budgetStopMessage(cap, shared.budget, label) });

  for (const [position, sample] of samples.entries()) {
    if (signal?.aborted) return result(CANCELLED);
    const spent = shared.exhausted();
    if (spent) return result(budgetStop(spent, sample.label));
    let prepared: SamplePreparation;
    try {
      prepared = await prepare(sample, position);
    } catch (err) {
      const run: SampleRun = { kind: 'not run', sample, position, error: errorText(err) };
      runs.push(run);
      onProgress?.({ type: 'sample.done', position, total, run, used: { ...shared.used } });
      continue;
    }
    if (signal?.aborted) return result(CANCELLED);
    const handle = startCheckedRun(
      graph,
      {
        ...runOptions,
        model: prepared.model,
        ...(prepared.cost ? { cost: prepared.cost } : {}),
        input: prepared.input ?? sample.input ?? document.input,
        sampleIndex: sample.sampleIndex,
        budget: shared.remaining(),
        ...(signal ? { signal } : {}),
        paused: prepared.paused ?? false,
      },
      diagnostics,
    );
    onProgress?.({ type: 'sample.start', position, total, sample, handle });
    const summary = await handle.done;
    shared.charge(summary, handle.events);
    const run = { kind: 'ran', sample, position, events: handle.events, summary } as const;
    runs.push(run);
    onProgress?.({ type: 'sample.done', position, total, run, used: { ...shared.used } });
    if (summary.status === 'cancelled') return result(CANCELLED);
    if (summary.status === 'budget') return result(budgetStop(summary.budgetCap ?? 'requests', sample.label));
    const fatal = summary.status === 'failed' ? (stopAfterFailure?.(run) ?? null) : null;
    if (fatal) return result({ kind: 'failure', label: sample.label, message: fatal });
  }
  return result(null);
}
