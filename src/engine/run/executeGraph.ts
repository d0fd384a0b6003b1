import type { CheckedGraph } from '../graph/document';
import { INPUT_THOUGHT_ID, runId as toRunId, type OperationId } from '../graph/ids';
import type { Diagnostic } from '../graph/diagnostics';
import { displayUrl } from '../models/openaiErrors';
import type { LanguageModel } from '../models/types';
import { UNANNOTATED, type Thought } from '../grs/thought';
import type { FlowItem } from '../operations/execution';
import type { RunSummary } from './events';
import { OperationRun } from './operationRun';
import type { RunOptions } from './options';
import { ZERO_CP, type RunRuntime } from './runtime';
import { summarize } from './summary';

/** Executes a checked graph on a runtime made from `options` (the RunHandle's engine room); resolves with the summary after `run.done`. */
export async function executeGraph(graph: CheckedGraph, rt: RunRuntime, options: RunOptions, warnings: readonly Diagnostic[]): Promise<RunSummary> {
  const document = graph.document;
  const input = { ...(options.input ?? document.input) };
  rt.emit('run.start', {
    runId: toRunId(options.runId ?? `run-${Math.random().toString(36).slice(2, 10)}`),
    document,
    input,
    settings: {
      // The log is saved and shared: never with credentials written into the URL.
      model: { ...options.model.id, baseUrl: displayUrl(options.model.id.baseUrl) },
      concurrency: options.concurrency ?? 8,
      budget: { ...options.budget },
      seed: options.seed ?? 0,
      cache: options.cache ?? false,
      sampleIndex: options.sampleIndex ?? null,
      ...(options.reuse ? { fork: { fromRunId: options.reuse.fromRunId, rerun: [...options.reuse.rerun] } } : {}),
    },
  });
  for (const d of warnings) rt.emit('log', { level: 'warn', message: d.message, ...(d.opId ? { opId: d.opId as OperationId } : {}) });
  const inputThought = makeInputThought({ ...input }, rt.now());
  rt.lineage.add(inputThought.id, [], false);
  rt.emit('thought.input', { thought: inputThought });

  let finished = 0;
  let allFinished!: () => void;
  const whenAllFinished = new Promise<void>((resolve) => (allFinished = resolve));
  const runs = buildRuns(graph, rt, options, () => {
    finished += 1;
    if (finished === graph.operations.length) allFinished();
  });

  const onAbort = (): void => rt.stop('cancelled', 'the run was cancelled');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.signal?.aborted) onAbort();
    const stopped = new Promise<void>((resolve) => (rt.stopInfo ? resolve() : rt.onStop(resolve)));
    const root: FlowItem = { id: INPUT_THOUGHT_ID, key: [0], ann: UNANNOTATED, cp: ZERO_CP };
    for (const op of graph.operations) {
      if (op.inputs.length > 0 || rt.stopInfo) continue;
      const run = runs.get(op.id) as OperationRun;
      run.deliver(root, 0);
      run.inputFinished();
    }
    if (graph.operations.length > 0) await Promise.race([whenAllFinished, stopped]);
    if (rt.stopInfo) {
      // Let every started operation unwind (its waits are aborted; nothing new starts after a stop), then close the rest.
      await Promise.allSettled([...runs.values()].flatMap((r) => (r.execution ? [r.execution] : [])));
      for (const r of runs.values()) r.finish('cancelled');
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  // What the model left running after its answers (a cache's writes) ends before the run does; what it has to say is logged.
  for (const message of await settleModel(options.model)) rt.emit('log', { level: 'warn', message });
  const summary = summarize(graph, runs, rt);
  rt.emit('run.done', { summary });
  return summary;
}

function buildRuns(graph: CheckedGraph, rt: RunRuntime, options: RunOptions, onFinished: () => void): Map<string, OperationRun> {
  const env = options.scripts ? { functions: options.functions, scripts: options.scripts } : { functions: options.functions };
  const runs = new Map<string, OperationRun>();
  for (const op of graph.operations) {
    const run = new OperationRun(op, rt, env, options.defaults ?? {}, options.control?.beforeOperation, onFinished);
    run.kept = options.reuse?.operations[op.id] ?? null;
    runs.set(op.id, run);
  }
  for (const op of graph.operations) {
    const run = runs.get(op.id) as OperationRun;
    op.inputs.forEach((from, index) => {
      const pred = runs.get(from) as OperationRun;
      pred.successors.push({ run, index });
      run.predecessors.push(pred);
    });
  }
  return runs;
}

function makeInputThought(state: Thought['state'], at: number): Thought {
  return {
    ...UNANNOTATED,
    id: INPUT_THOUGHT_ID,
    kind: 'input',
    opId: null,
    parents: [],
    state,
    origin: null,
    volume: 0,
    latency: 0,
    ms: 0,
    finishedAt: at,
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
    criticalMs: 0,
  };
}

async function settleModel(model: LanguageModel): Promise<string[]> {
  try {
    return (await model.settle?.()) ?? [];
  } catch (err) {
    return [`The model's work after its answers failed: ${err instanceof Error ? err.message : String(err)}`];
  }
}
