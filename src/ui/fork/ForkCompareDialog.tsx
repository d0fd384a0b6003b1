import { useCallback, useMemo } from 'react';
import { rebuildGrs, type GrsState, type RunEvent } from '../../engine/index';
import { Modal } from '../dialogs/Modal';
import { useAppStoreApi } from '../store/StoreProvider';
import { dollars, duration, thoughtText } from '../thoughts/thoughtText';
import { compareFork, forkPair, sideSummary, type SideSummary } from './forkDiff';
import { ForkCompareCanvas } from './ForkCompareCanvas';
import './fork.css';

const SIDES = ['original', 'fork'] as const;

/** The figures, written the way the run summary writes them so each can be read against it (volume and latency: the final thought's). */
const ROWS: ReadonlyArray<{ key: string; label: string; value: (s: SideSummary) => string }> = [
  { key: 'final', label: 'final thought', value: (s) => (s.finalThought ? thoughtText(s.finalThought.state) : '—') },
  { key: 'score', label: 'best score', value: (s) => (s.score === null ? '—' : String(s.score)) },
  { key: 'solved', label: 'solved', value: (s) => (s.solved === null ? '—' : s.solved ? 'yes' : 'no') },
  { key: 'volume', label: 'volume', value: (s) => (s.volume === null ? '—' : String(s.volume)) },
  { key: 'latency', label: 'latency', value: (s) => (s.latency === null ? '—' : String(s.latency)) },
  { key: 'requests', label: 'requests', value: (s) => String(s.requests) },
  { key: 'tokens', label: 'tokens', value: (s) => Math.round(s.tokens).toLocaleString() },
  { key: 'cost', label: 'cost', value: (s) => dollars(s.cost) },
  { key: 'wall', label: 'wall time', value: (s) => duration(s.wallMs) },
];

/** One summary row per run (original, then fork), one column per figure. */
function SummaryTable({ original, fork }: { original: GrsState; fork: GrsState }) {
  const sides = { original: sideSummary(original), fork: sideSummary(fork) };
  return (
    <table className="summary-table cmp-summary" data-testid="fork-compare-summary">
      <thead>
        <tr>
          <th />
          {ROWS.map((row) => (
            <th key={row.key} scope="col">
              {row.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {SIDES.map((side) => (
          <tr key={side}>
            <th scope="row">{side === 'original' ? 'Original' : 'Fork'}</th>
            {ROWS.map((row) => (
              <td key={row.key} data-testid={`cmp-${side}-${row.key}`} className={row.key === 'final' ? 'cmp-final-text' : undefined}>
                {row.value(sides[side])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A fork and its original side by side: their summaries, then one canvas of both runs' thoughts with the differences marked. */
export function ForkCompareDialog({ a, b }: { a: readonly RunEvent[]; b: readonly RunEvent[] }) {
  const api = useAppStoreApi();
  const close = useCallback(() => api.getState().closeDialog(), [api]);
  const pair = useMemo(() => forkPair(rebuildGrs(a), rebuildGrs(b)), [a, b]);
  const comparison = useMemo(() => (pair ? compareFork(pair.original, pair.fork) : null), [pair]);
  return (
    <Modal title="Fork and original" onClose={close} testId="fork-compare" className="fork-compare-modal">
      {pair && comparison ? (
        <>
          <div className="cmp-summary-wrap">
            <SummaryTable original={pair.original} fork={pair.fork} />
          </div>
          <p className="cmp-legend" data-testid="fork-compare-counts">
            <span className="cmp-key mark-shared">in both runs: {comparison.counts.shared}</span>
            {comparison.counts.edited ? <span className="cmp-key mark-edited">edited: {comparison.counts.edited}</span> : null}
            <span className="cmp-key mark-replaced">original only: {comparison.counts.replaced}</span>
            <span className="cmp-key mark-new">fork only: {comparison.counts.new}</span>
          </p>
          <ForkCompareCanvas comparison={comparison} original={pair.original} fork={pair.fork} />
        </>
      ) : (
        <p className="detail-error" data-testid="fork-compare-unrelated">
          Neither run is a fork of the other: pick a run and a fork made from it.
        </p>
      )}
    </Modal>
  );
}
