import type { RunStatus, RunSummary, RunTotals } from '../../engine/index';
import { describe, type Distribution } from './stats';
import { count, csvField, dollars, formatTable, num, type Align } from './table';
import { sumTotals, totalsOf } from './totals';

/** What a comparison keeps of one run of one scheme on one sample. */
export interface SampleOutcome extends RunTotals {
  sampleIndex: number | null;
  status: RunStatus;
  /** The run's best final score (the error, for the paper's tasks other than document merging). */
  score: number | null;
  solved: boolean | null;
  wallMs: number;
}

/** The runs of one scheme (one graph) over the compared samples. */
export interface SchemeRuns {
  scheme: string;
  file?: string;
  /** The score's direction (from the graph's task), when known. */
  higherIsBetter?: boolean;
  outcomes: readonly SampleOutcome[];
}

/** One row of the paper's comparison (totals summed over the scheme's samples). */
export interface SchemeComparison extends RunTotals {
  scheme: string;
  file?: string;
  higherIsBetter?: boolean;
  samples: number;
  /** Runs that ended with a score. */
  scored: number;
  /** Runs that did not complete (failed, budget, cancelled). */
  incomplete: number;
  /** Distribution of the score over scored runs (quartiles: see stats.ts). */
  score: Distribution | null;
  solved: number;
  /** Solved / runs compared to a ground truth; null when none was. */
  solvedRate: number | null;
  wallMs: number;
}

/** The outcome of a run from its summary. */
export function outcomeOf(summary: RunSummary, sampleIndex: number | null): SampleOutcome {
  return { sampleIndex, status: summary.status, score: summary.bestScore, solved: summary.solved, ...totalsOf(summary), wallMs: summary.wallMs };
}

/** Aggregates each scheme's outcomes into one comparison row, in the order given. */
export function compareSchemes(runs: readonly SchemeRuns[]): SchemeComparison[] {
  return runs.map(({ scheme, file, higherIsBetter, outcomes }) => {
    const scores = outcomes.flatMap((o) => (o.score === null ? [] : [o.score]));
    const compared = outcomes.filter((o) => o.solved !== null);
    const solved = compared.filter((o) => o.solved === true).length;
    return {
      scheme,
      ...(file === undefined ? {} : { file }),
      ...(higherIsBetter === undefined ? {} : { higherIsBetter }),
      samples: outcomes.length,
      scored: scores.length,
      incomplete: outcomes.filter((o) => o.status !== 'completed').length,
      score: describe(scores),
      solved,
      solvedRate: compared.length === 0 ? null : solved / compared.length,
      ...sumTotals(outcomes),
      wallMs: outcomes.reduce((t, o) => t + o.wallMs, 0),
    };
  });
}

export type ComparisonFormat = 'table' | 'csv' | 'json';

const CSV_HEADERS = [
  'scheme', 'file', 'samples', 'scored', 'incomplete', 'score_min', 'score_q1', 'score_median', 'score_q3', 'score_max', 'score_mean',
  'solved', 'solved_rate', 'requests', 'completions', 'cache_hits', 'prompt_tokens', 'completion_tokens', 'cost', 'wall_ms',
];

/** The comparison as a terminal table, CSV (one row per scheme) or JSON. */
export function formatComparison(rows: readonly SchemeComparison[], format: ComparisonFormat): string {
  if (format === 'json') return JSON.stringify({ quantileMethod: 'linear interpolation (type 7)', schemes: rows }, null, 2);
  if (format === 'csv') {
    const lines = rows.map((r) =>
      [
        r.scheme, r.file ?? '', r.samples, r.scored, r.incomplete,
        r.score?.min ?? null, r.score?.q1 ?? null, r.score?.median ?? null, r.score?.q3 ?? null, r.score?.max ?? null, r.score?.mean ?? null,
        r.solved, r.solvedRate, r.requests, r.completions, r.cacheHits, r.promptTokens, r.completionTokens, r.cost, Math.round(r.wallMs),
      ].map(csvField).join(','),
    );
    return [CSV_HEADERS.join(','), ...lines].join('\n');
  }
  const headers = ['scheme', 'samples', 'median', 'q1', 'q3', 'min', 'max', 'solved', 'requests', 'completions', 'cost'];
  const body = rows.map((r) => [
    r.scheme,
    r.incomplete > 0 ? `${r.samples} (${r.incomplete} incomplete)` : String(r.samples),
    num(r.score?.median), num(r.score?.q1), num(r.score?.q3), num(r.score?.min), num(r.score?.max),
    r.solvedRate === null ? '—' : `${Math.round(r.solvedRate * 100)}%`,
    count(r.requests), count(r.completions), dollars(r.cost),
  ]);
  const align = headers.map((_, i): Align => (i === 0 ? 'left' : 'right'));
  return `${formatTable(headers, body, align)}\n${scoreNote(rows)} Quartiles by linear interpolation.`;
}

function scoreNote(rows: readonly SchemeComparison[]): string {
  const directions = new Set(rows.map((r) => r.higherIsBetter));
  if (directions.size === 1 && directions.has(false)) return 'Score = each run\'s best final score: the error, lower is better.';
  if (directions.size === 1 && directions.has(true)) return 'Score = each run\'s best final score: higher is better.';
  return 'Score = each run\'s best final score.';
}
