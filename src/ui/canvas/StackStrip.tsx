import { memo, useMemo } from 'react';
import { estimateOf } from '../estimate/estimateOf';
import { formatRange } from '../estimate/estimateRun';
import type { OperationStatus } from '../../engine/index';
import { useAppStore } from '../store/StoreProvider';
import { stackProgress } from './stackProgress';
import { useEditorCommands } from './editorCommands';
import type { FoldGroup } from '../document/folding';

/** A folded stack's strip: its members' combined run progress and first error, else what each member is expected to make. */
export const StackStrip = memo(function StackStrip({ lead, members }: { lead: string; members: readonly string[] }) {
  const statuses = useAppStore((s) => members.map((m) => s.runs.ops[m]?.status ?? '').join(' '));
  const error = useAppStore((s) => members.map((m) => s.runs.ops[m]?.error).find(Boolean) ?? '');
  const list = statuses.split(' ').map((x) => (x || undefined) as OperationStatus | undefined);
  if (list.every((x) => !x)) {
    return <StackPreview lead={lead} members={members} />;
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

/** What the stack's members are expected to make (counts only), derived once per document version and price: run events do not recompute it. */
function StackPreview({ lead, members }: { lead: string; members: readonly string[] }) {
  const doc = useAppStore((s) => s.doc);
  const pricing = useAppStore((s) => s.modelPricing);
  const preview = useMemo(() => {
    const ops = estimateOf(doc, pricing).ops;
    const e = ops[lead];
    if (!e) return '';
    const req = { min: members.reduce((n, m) => n + (ops[m]?.requests.min ?? 0), 0), max: members.reduce((n, m) => n + (ops[m]?.requests.max ?? 0), 0) };
    return `each → ${e.thoughtsOut} thought${e.thoughtsOut === 1 ? '' : 's'}${req.max > 0 ? ` · ${formatRange(req)} req in all` : ''}`;
  }, [doc, pricing, lead, members]);
  return (
    <div className="op-strip status-preview" data-testid={`op-strip-${lead}`} title="Expected before a run">
      {preview}
    </div>
  );
}

/** A stack's badge (its size, or during a run its members done; click to unfold), or on an unfolded branch's lead the chip that folds it again. */
export function StackMarks({ id, group, foldable }: { id: string; group: FoldGroup | undefined; foldable: number }) {
  const members = group?.members ?? [];
  // During and after a run the badge counts the members done, so progress reads at any zoom.
  const done = useAppStore((s) => (members.some((m) => s.runs.ops[m]) ? members.filter((m) => s.runs.ops[m]?.status === 'done').length : -1));
  const failed = useAppStore((s) => members.some((m) => s.runs.ops[m]?.status === 'failed'));
  const commands = useEditorCommands();
  if (!group) {
    return (
      <button
        type="button"
        className="stack-fold nodrag"
        data-testid={`stack-fold-${id}`}
        title={`Fold these ${foldable} repeated branches into one stack`}
        onClick={(e) => {
          e.stopPropagation();
          commands.setStackFolded(id, true);
        }}
      >
        fold ×{foldable}
      </button>
    );
  }
  const serial = group.kind === 'serial';
  return (
    <button
      type="button"
      className={`stack-badge nodrag${failed ? ' has-failed' : ''}`}
      data-testid={`stack-badge-${id}`}
      title={serial ? `${members.length} rounds of the same steps folded into one: click to unfold them` : `${members.length} repeated branches folded into one: click to unfold them`}
      onClick={(e) => {
        e.stopPropagation();
        commands.setStackFolded(id, false);
      }}
    >
      {done >= 0 ? `${done}/${members.length}` : `×${members.length}`}
      {serial ? ' rounds' : ''}
    </button>
  );
}
