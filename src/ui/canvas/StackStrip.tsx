import { memo } from 'react';
import { estimateOf } from '../estimate/estimateOf';
import { formatRange } from '../estimate/estimateRun';
import { useAppStore } from '../store/StoreProvider';

/** How a folded stack's members stand in a run, as one line: "3/8 done · 2 running · 1 failed" and the first error. */
function progressOf(statuses: ReadonlyArray<string | undefined>): { text: string; status: string } {
  const count = (st: string) => statuses.filter((x) => x === st).length;
  const [done, running, failed] = [count('done'), count('running'), count('failed')];
  const parts = [`${done}/${statuses.length} done`, running ? `${running} running` : '', failed ? `${failed} failed` : ''].filter(Boolean);
  const status = failed ? 'failed' : running ? 'running' : done === statuses.length ? 'done' : statuses.some((x) => x) ? 'waiting' : 'preview';
  return { text: parts.join(' · '), status };
}

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
  const list = statuses.split(' ').map((x) => x || undefined);
  if (list.every((x) => !x)) {
    return (
      <div className="op-strip status-preview" data-testid={`op-strip-${lead}`} title="Expected before a run">
        {preview}
      </div>
    );
  }
  const p = progressOf(list);
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
