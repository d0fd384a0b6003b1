import { dollars } from '../../thoughts/thoughtText';
import type { MeasuredRun } from './measureRun';
import { SCHEME_STEPS, type LessonScheme } from './schemeSteps';
import { formatTable2, table2, type Table2Cell } from './table2';

const paperCell = (cell: Table2Cell | null, testId: string) => (
  <td data-testid={testId} className="paper">
    {cell ? (
      <>
        <span className="formula">{cell.formula}</span> = {formatTable2(cell)}
      </>
    ) : (
      '—'
    )}
  </td>
);

const value = (v: number | null) => (v === null ? '—' : String(v));

/** The paper's Table 2 beside what each run of the lesson measured: the final thought's latency and volume, the error, the cost. */
export function LessonTable({ results, shipped }: { results: Partial<Record<LessonScheme, MeasuredRun>>; shipped: ReadonlySet<LessonScheme> }) {
  return (
    <table className="lesson-table" data-testid="lesson-table">
      <thead>
        <tr>
          <th rowSpan={2}>Scheme</th>
          <th rowSpan={2}>N · k of this run</th>
          <th colSpan={2}>Latency of the final thought</th>
          <th colSpan={2}>Volume of the final thought</th>
          <th rowSpan={2}>Error</th>
          <th rowSpan={2}>Cost · tokens</th>
        </tr>
        <tr>
          <th>paper</th>
          <th>measured</th>
          <th>paper</th>
          <th>measured</th>
        </tr>
      </thead>
      <tbody>
        {SCHEME_STEPS.map(({ scheme }) => {
          const m = results[scheme];
          const paper = m && scheme !== 'IO' ? table2(scheme, m.n, m.k) : null;
          return (
            <tr key={scheme} data-testid={`lesson-row-${scheme}`}>
              <th scope="row">{scheme}</th>
              {m ? (
                <>
                  <td data-testid={`lesson-nk-${scheme}`}>
                    N = {m.n} · k = {m.k}
                  </td>
                  {paperCell(paper?.latency ?? null, `lesson-paper-latency-${scheme}`)}
                  <td data-testid={`lesson-latency-${scheme}`}>{value(m.latency)}</td>
                  {paperCell(paper?.volume ?? null, `lesson-paper-volume-${scheme}`)}
                  <td data-testid={`lesson-volume-${scheme}`}>{value(m.volume)}</td>
                  <td data-testid={`lesson-error-${scheme}`}>
                    {value(m.error)}
                    {m.solved ? ' (solved)' : ''}
                  </td>
                  <td data-testid={`lesson-cost-${scheme}`}>
                    {dollars(m.cost)} · {m.tokens.toLocaleString('en')}
                    {m.cacheHits ? <span className="muted"> ({m.cacheHits} from the cache)</span> : null}
                  </td>
                </>
              ) : (
                <td colSpan={7} className="muted">
                  {!shipped.has(scheme) ? `No sorting-64 ${scheme} example ships with GoT Studio: the paper gives ${scheme === 'CoT-SC' ? 'N/k for latency and volume (k chains of N/k thoughts)' : 'its figures above'}.` : 'Not run yet.'}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
