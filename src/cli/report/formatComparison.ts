import type { SchemeComparison } from '../../engine/index';
import { count, csvField, dollars, formatTable, num, type Align } from './table';

export type ComparisonFormat = 'table' | 'csv' | 'json';

/** How the quartiles are computed, as JSON reports name it. */
export const QUANTILE_METHOD = 'linear interpolation (type 7)';

const CSV_HEADERS = [
  'scheme', 'file', 'samples', 'scored', 'incomplete', 'score_min', 'score_q1', 'score_median', 'score_q3', 'score_max', 'score_mean',
  'solved', 'solved_rate', 'requests', 'completions', 'cache_hits', 'prompt_tokens', 'completion_tokens', 'cost', 'wall_ms',
];

/** The comparison as a terminal table, CSV (one row per scheme) or JSON. */
export function formatComparison(rows: readonly SchemeComparison[], format: ComparisonFormat): string {
  if (format === 'json') return JSON.stringify({ quantileMethod: QUANTILE_METHOD, schemes: rows }, null, 2);
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
