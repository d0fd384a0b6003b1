import { sumTotals, type RunSummary } from '../../engine/index';
import { count, dollars, duration, formatTable, num, yesNo, type Align } from './table';

/** One row of the `run` summary: a sample's label and its summary (null when it never ran). */
export interface RunTableRow {
  label: string;
  summary: RunSummary | null;
}

/** The per-sample summary table of `run`, with a totals line when there is more than one sample. */
export function formatRunTable(rows: readonly RunTableRow[]): string {
  const headers = ['sample', 'status', 'score', 'solved', 'requests', 'completions', 'tokens', 'cost', 'wall', 'critical path'];
  const align: Align[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'];
  const body = rows.map(({ label, summary: s }) =>
    s === null
      ? [label, 'not run', '—', '—', '—', '—', '—', '—', '—', '—']
      : [
          label,
          s.status,
          num(s.bestScore, 3),
          yesNo(s.solved),
          count(s.requests),
          count(s.completions),
          count(s.promptTokens + s.completionTokens),
          dollars(s.cost),
          duration(s.wallMs),
          `${duration(s.criticalPath.ms)} / ${s.criticalPath.hops} hop${s.criticalPath.hops === 1 ? '' : 's'}`,
        ],
  );
  const done = rows.flatMap((r) => (r.summary ? [r.summary] : []));
  const t = sumTotals(done);
  if (rows.length > 1) {
    const compared = done.filter((s) => s.solved !== null);
    body.push([
      `total (${rows.length})`,
      `${done.filter((s) => s.status === 'completed').length} completed`,
      '',
      compared.length === 0 ? '—' : `${compared.filter((s) => s.solved).length}/${compared.length}`,
      count(t.requests),
      count(t.completions),
      count(t.promptTokens + t.completionTokens),
      dollars(t.cost),
      duration(done.reduce((ms, s) => ms + s.wallMs, 0)),
      '',
    ]);
  }
  const table = formatTable(headers, body, align);
  return t.cacheHits > 0 ? `${table}\n${t.cacheHits} answer(s) came from the response cache (--no-cache to ask the model again).` : table;
}
