import { memo, useMemo } from 'react';
import { estimateOf } from '../estimate/estimateOf';
import { formatRange } from '../estimate/estimateRun';
import { useAppStore } from '../store/StoreProvider';

/** Run status and metrics of an operation while a run is shown; otherwise the cost preview. */
export const NodeStatusStrip = memo(function NodeStatusStrip({ opId }: { opId: string }) {
  const run = useAppStore((s) => s.runs.ops[opId]);
  if (run) {
    return (
      <div className={`op-strip status-${run.status}`} data-testid={`op-strip-${opId}`}>
        <span className="strip-status">{run.status}</span>
        {run.thoughtsOut !== undefined ? <span>{run.thoughtsOut} out</span> : null}
        {run.bestScore !== undefined && run.bestScore !== null ? <span>best {run.bestScore}</span> : null}
        {run.tokens ? <span>{run.tokens} tok</span> : null}
        {run.cost ? <span>${run.cost.toFixed(4)}</span> : null}
        {run.ms !== undefined ? <span>{(run.ms / 1000).toFixed(1)} s</span> : null}
      </div>
    );
  }
  return <PreviewStrip opId={opId} />;
});

/** The counts preview (no tokens, so the tokenizer does not change it), derived once per document version and price: run events do not recompute it. */
function PreviewStrip({ opId }: { opId: string }) {
  const doc = useAppStore((s) => s.doc);
  const pricing = useAppStore((s) => s.modelPricing);
  const preview = useMemo(() => {
    const e = estimateOf(doc, pricing).ops[opId];
    if (!e) return '';
    const req = e.requests.max > 0 ? ` · ${formatRange(e.requests)} req · ${formatRange(e.completions)} compl` : '';
    return `→ ${e.thoughtsOut} thought${e.thoughtsOut === 1 ? '' : 's'}${req}`;
  }, [doc, pricing, opId]);
  return (
    <div className="op-strip status-preview" data-testid={`op-strip-${opId}`} title="Expected before a run">
      {preview}
    </div>
  );
}
