import type { CheckedGraph, GotDocument } from '../graph/document';
import type { Diagnostic } from '../graph/diagnostics';
import type { RunEvent } from './events';
import type { RunOptions, RunResult } from './options';
import { startCheckedRun, startRun, type RunHandle } from './runHandle';

/**
 * Runs a Graph of Operations on one input and resolves with its result. Validates first (rejects
 * with GraphInvalidError with the diagnostics when the graph cannot run), then runs it as a
 * dataflow: model calls run concurrently up to `options.concurrency`, streaming operations take
 * each thought as soon as it exists, and every result lands in the event log. Never rejects for
 * model failures: they become events and a failed or partial summary. To pause, step, or watch a
 * run from elsewhere, use startRun, which this wraps.
 */
export async function runGraph(document: GotDocument, options: RunOptions): Promise<RunResult> {
  return resultOf(startRun(document, options));
}

/**
 * Runs a graph validateDocument already accepted (with the same functions), e.g. once for a
 * batch of samples. `warnings` are the validation's diagnostics to repeat in the run log.
 */
export async function runCheckedGraph(graph: CheckedGraph, options: RunOptions, warnings: readonly Diagnostic[] = []): Promise<RunResult> {
  return resultOf(startCheckedRun(graph, options, warnings));
}

/** A handle's summary, events and final GRS once it ends. */
export async function resultOf(handle: RunHandle): Promise<RunResult> {
  const summary = await handle.done;
  return { summary, events: handle.events as RunEvent[], grs: handle.grs };
}
