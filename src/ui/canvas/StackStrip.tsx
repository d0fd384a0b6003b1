import { memo } from 'react';
import { estimateOf } from '../estimate/estimateOf';
import { formatRange } from '../estimate/estimateRun';
import type { OperationStatus } from '../../engine/index';
import { useAppStore } from '../store/StoreProvider';
import { stackProgress } from './stackProgress';

/** A folded stack's strip: its members' combined run progress and first error, else what each member is expected to make. */
export const StackStrip = memo(function StackStrip({ lead, members }: { lead: string; members: readonly string[] }) {
  const statuses = useAppStore((s) => members.map((m) => s.runs.ops[m]?.status ?? '').join(' '));
  const error = useAppStore((s) => members.map((m) => s.runs.ops[m]?.error).find(Boolean) ?? '');
  const preview = useAppStore((s) => {
    const ops = estimateOf(s.doc, s.modelPricing).ops;
    const e = ops[lead];
    if (!e) return '';
    const req = { min: members.reduce((n, m) => n + (ops[m]?.requests.min ?? 0), 0), max: members.reduce((n, m) => n + (ops[m]?.requests.max ?? 0), 0) };
    return `each → ${e.thoughtsOut} thought${e.thoughtsOut === 1 ? '' : 's'}${req.max > 0 ? ` · ${formatRange(req)} req in all` : ''}`;
  });
  const list = statuses.split(' ').map((x) => (x || undefined) as OperationStatus | undefined);
  if (list.every((x) => !x)) {
    return (
      <div className="op-strip status-preview" data-testid={`op-strip-${lead}`} title="Expected before a run">
        {preview}
      </div>
    );
  }
  const p = stackProgress(list);
  return (
    <div className={`op-strip stack-strip status-${p.status}`} data-testid={`stack-progress-${lead}`} data-status={p.status}>
      <div className="run-strip-row">
        <span className="strip-status">{p.text}</span>
      </div>
      {error ? (
        <div className="run-strip-error" title={error} data-testid={`op-error-${lead}`}>
          {error}
        </div>
      ) : null}
    </div>
  );
});
