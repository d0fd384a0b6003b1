import type { RunStatus, RunSummary, RunTotals } from '../run/events';
import { describe, type Distribution } from './stats';
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
