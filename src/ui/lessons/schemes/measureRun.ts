import type { GotDocument, GrsState, RunSummary, Thought } from '../../../engine/index';

/** What the lesson's table shows of one run, all read from the run's own summary and GRS. */
export interface MeasuredRun {
  status: RunSummary['status'];
  finalThoughtId: string | null;
  /** The final thought's latency and volume. */
  latency: number | null;
  volume: number | null;
  /** The best final score: the task's error for sorting. */
  error: number | null;
  solved: boolean | null;
  cost: number;
  tokens: number;
  requests: number;
  /** Answers the response cache gave (they cost nothing). */
  cacheHits: number;
  /** Table 2's N for this run: the LLM-made thoughts in its GRS. */
  n: number;
  /** Table 2's k for this graph: inputs per Aggregate where it merges, else completions per Generate. */
  k: number;
}

/** The final thought the summary's best score belongs to (else the first final thought). */
export function finalThought(summary: RunSummary, grs: Pick<GrsState, 'thoughts'>): Thought | null {
  const finals = summary.finalThoughtIds.map((id) => grs.thoughts[id]).filter((t): t is Thought => t !== undefined);
  return finals.find((t) => t.score === summary.bestScore) ?? finals[0] ?? null;
}

/** The graph's branching: a graph that aggregates merges k thoughts into one; otherwise it branches into k samples. */
export function branchingOf(doc: GotDocument): number {
  const merges = doc.operations.filter((o) => o.type === 'aggregate').map((o) => o.inputs.length);
  if (merges.length) return Math.max(...merges);
  const samples = doc.operations.filter((o) => o.type === 'generate').map((o) => Number((o.params as { samples?: unknown }).samples ?? 1));
  return Math.max(1, ...samples);
}

/** One run's row of the lesson's table. */
export function measureRun(summary: RunSummary, grs: Pick<GrsState, 'thoughts' | 'thoughtOrder'>, doc: GotDocument): MeasuredRun {
  const final = finalThought(summary, grs);
  return {
    status: summary.status,
    finalThoughtId: final?.id ?? null,
    latency: final?.latency ?? null,
    volume: final?.volume ?? null,
    error: summary.bestScore,
    solved: summary.solved,
    cost: summary.cost,
    tokens: summary.promptTokens + summary.completionTokens,
    requests: summary.requests,
    cacheHits: summary.cacheHits,
    n: grs.thoughtOrder.filter((id) => grs.thoughts[id]?.kind === 'llm').length,
    k: branchingOf(doc),
  };
}
