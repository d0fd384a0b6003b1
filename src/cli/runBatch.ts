import { GraphInvalidError, runGraph, type Budget, type FunctionRegistry, type RunEvent, type RunSummary, type ScriptRunner } from '../engine/index';
import { remainingBudget } from './args/parseBudget';
import { CliError, EXIT } from './errors';
import type { RunInput } from './inputs';
import { invalidGraph, type LoadedGraph } from './loadGraph';
import { UNREACHABLE_KINDS, unreachable, type ModelSetup } from './modelSetup';
import type { ProgressReporter } from './progress';

/** One sample's run: its events (partial when cancelled) and summary (null when it never ran). */
export interface SampleRun extends RunInput {
  events: RunEvent[];
  summary: RunSummary | null;
}

export interface BatchOptions {
  graph: LoadedGraph;
  inputs: readonly RunInput[];
  setup: ModelSetup;
  functions: FunctionRegistry;
  scripts: ScriptRunner;
  concurrency: number;
  /** A cap for the whole batch: each sample gets what the previous ones left. */
  budget: Budget;
  seed: number;
  signal: AbortSignal;
  progress: ProgressReporter;
}

/** What a batch spent of its budget (cached answers cost no tokens and no dollars). */
export interface BatchUsage {
  requests: number;
  tokens: number;
  cost: number;
}

/** A batch's runs, what they spent, and why it stopped early (budget, cancel, unreachable model), if it did. */
export interface BatchResult {
  runs: SampleRun[];
  used: BatchUsage;
  stop: CliError | null;
  /** Samples whose run failed for another reason, as `label: reason`. */
  failures: string[];
}

const BUDGET_WORDS = { requests: 'requests', tokens: 'tokens', cost: 'dollars' } as const;

/** Runs a graph on each input in turn, sharing one budget, and stops at the first batch-ending problem. */
export async function runBatch(o: BatchOptions): Promise<BatchResult> {
  const runs: SampleRun[] = [];
  const used: BatchUsage = { requests: 0, tokens: 0, cost: 0 };
  const failures: string[] = [];
  const operations = o.graph.document.operations.length;
  for (const [position, item] of o.inputs.entries()) {
    if (o.signal.aborted) return { runs, used, failures, stop: cancelled() };
    const left = remainingBudget(o.budget, used);
    const spent = (Object.keys(left) as (keyof Budget)[]).find((k) => left[k] === 0);
    if (spent) return { runs, used, failures, stop: budgetHit(spent, o.budget, item.label) };

    o.progress.startSample({ scheme: o.graph.name, label: item.label, position: position + 1, total: o.inputs.length, operations });
    const events: RunEvent[] = [];
    const run: SampleRun = { ...item, events, summary: null };
    runs.push(run);
    let s: RunSummary;
    try {
      const result = await runGraph(o.graph.document, {
        model: o.setup.forSample(item.sampleIndex),
        functions: o.functions,
        scripts: o.scripts,
        input: item.input,
        concurrency: o.concurrency,
        budget: left,
        seed: o.seed,
        sampleIndex: item.sampleIndex,
        signal: o.signal,
        cost: o.setup.cost,
        onEvent: (e) => {
          events.push(e);
          o.progress.event(e);
        },
      });
      s = result.summary;
    } catch (e) {
      o.progress.finish();
      if (e instanceof GraphInvalidError) throw invalidGraph(o.graph.path, e.diagnostics);
      throw e;
    }
    run.summary = s;
    o.progress.endSample(item.label, s);
    used.requests += s.requests;
    used.tokens += paidTokens(events);
    used.cost += s.cost;

    if (s.status === 'cancelled') return { runs, used, failures, stop: cancelled() };
    if (s.status === 'budget') return { runs, used, failures, stop: budgetHit(s.budgetCap ?? 'requests', o.budget, item.label) };
    if (s.status === 'failed') {
      const fatal = events.find((e): e is Extract<RunEvent, { type: 'call.error' }> => e.type === 'call.error' && UNREACHABLE_KINDS.has(e.kind));
      if (fatal) return { runs, used, failures, stop: unreachable(o.setup.record.baseUrl, fatal.message, fatal.kind) };
      failures.push(`${o.graph.name} ${item.label}: ${s.reason ?? 'see the run log'}`);
    }
  }
  return { runs, used, failures, stop: null };
}

/** Tokens of the calls the model answered: like a single run, the batch spends no budget on cached answers. */
function paidTokens(events: readonly RunEvent[]): number {
  let tokens = 0;
  for (const e of events) if (e.type === 'call.done' && !e.cached) tokens += e.promptTokens + e.completionTokens;
  return tokens;
}

function cancelled(): CliError {
  return new CliError(EXIT.cancelled, 'Cancelled (Ctrl+C). Partial results are kept.');
}

function budgetHit(cap: keyof Budget, budget: Budget, label: string): CliError {
  const limit = budget[cap];
  return new CliError(
    EXIT.budget,
    `Budget hit: the ${BUDGET_WORDS[cap]} cap${limit === undefined ? '' : ` of ${limit}`} was reached at sample ${label}. Raise it with --budget ${BUDGET_WORDS[cap]}=N.`,
  );
}
