import { memo } from 'react';
import { NodeStatusStrip } from '../canvas/NodeStatusStrip';
import { useAppStore } from '../store/StoreProvider';
import { compact, dollars, duration } from '../thoughts/thoughtText';
import { selectOpFigures, selectUnreadable } from './runSelectors';

/** An operation node's live strip: status, thoughts in → out, best score, tokens, cost, time, and the error of a failed call. */
export const RunNodeStrip = memo(function RunNodeStrip({ opId }: { opId: string }) {
  const run = useAppStore((s) => s.runs.ops[opId]);
  const lit = useAppStore((s) => s.highlight.ops[opId] === true);
  const running = useAppStore((s) => (selectOpFigures(s.live.grs, opId)?.runningCalls ?? 0) > 0);
  const unreadable = useAppStore((s) => selectUnreadable(s.live.grs, opId));
  if (!run) return <NodeStatusStrip opId={opId} />;
  // Done with every answer unreadable is shown as the failure it is, not as a plain "done".
  const status = unreadable > 0 ? 'unreadable' : run.status;
  const error = unreadable > 0 ? `none of its ${unreadable} answer${unreadable === 1 ? '' : 's'} could be parsed: see a thought's details` : run.error;
  return (
    <div
      className={`op-strip run-strip status-${unreadable > 0 ? 'failed' : run.status}${lit ? ' is-lit' : ''}`}
      data-testid={`op-strip-${opId}`}
      data-status={status}
    >
      <div className="run-strip-row">
        <span className={`status-dot${running ? ' is-busy' : ''}`} aria-hidden />
        <span className="strip-status" data-testid={`op-status-${opId}`}>
          {status}
        </span>
        <span title="Thoughts in → out">
          {run.thoughtsIn ?? 0} → {run.thoughtsOut ?? 0}
        </span>
        {run.bestScore !== undefined && run.bestScore !== null ? <span title="Best score">★ {compact(run.bestScore)}</span> : null}
      </div>
      <div className="run-strip-row muted">
        {run.tokens ? <span>{compact(Math.round(run.tokens))} tok</span> : null}
        {run.cost ? <span>{dollars(run.cost)}</span> : null}
        {run.ms !== undefined ? <span>{duration(run.ms)}</span> : null}
      </div>
      {error ? (
        <div className="run-strip-error" title={error} data-testid={`op-error-${opId}`}>
          {error}
        </div>
      ) : null}
    </div>
  );
});
