import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { operationDefinitions, type OperationNode } from '../../engine/index';
import { opIndex } from '../document/docIndex';
import { opDiagnosticsKey, parseDiagnosticsKey } from '../diagnostics/diagnosticsOf';
import { useSlots } from '../shell/slots';
import { useAppStore } from '../store/StoreProvider';
import { NodeStatusStrip } from './NodeStatusStrip';
import { drawnGraph, foldGroupsOf } from './drawnGraph';
import { stackLabel } from '../document/foldBranches';
import { StackStrip } from './StackStrip';
import { useEditorCommands } from './editorCommands';

const NO_MEMBERS: readonly string[] = [];

const summaries = new WeakMap<OperationNode, string>();

/** The node face's parameter summary, from the definition (falls back when params are invalid); cached per operation version. */
export function summaryOf(op: OperationNode): string {
  const hit = summaries.get(op);
  if (hit !== undefined) return hit;
  const def = operationDefinitions[op.type];
  const parsed = def.paramsSchema.safeParse(op.params);
  let text = 'incomplete parameters';
  if (parsed.success) {
    try {
      text = (def.summary as (p: unknown) => string)(parsed.data);
    } catch {
      text = '';
    }
  }
  summaries.set(op, text);
  return text;
}

/** An operation on the canvas: icon, name, parameter summary, diagnostics, handles and a run strip. */
export const OperationNodeView = memo(function OperationNodeView({ id, selected }: NodeProps) {
  const op = useAppStore((s) => opIndex(s.doc).get(id));
  // A folded stack draws its members as this, its first operation.
  const group = useAppStore((s) => drawnGraph(s.doc, s.folds).stacks.get(id));
  const members = group?.members ?? NO_MEMBERS;
  const stacked = members.length > 1;
  // An unfolded repeated branch offers to fold again while folding is in use.
  const foldable = useAppStore((s) => (s.folds.kind === 'chosen' && s.folds.offered && !stacked ? (foldGroupsOf(s.doc).find((g) => g.lead === id)?.members.length ?? 0) : 0));
  const diagKey = useAppStore((s) => (stacked ? members.map((m) => opDiagnosticsKey(s.doc, m)).filter(Boolean).join('\u0002') : opDiagnosticsKey(s.doc, id)));
  const title = useAppStore((s) => (stacked ? stackLabel(members.map((m) => opIndex(s.doc).get(m)?.label ?? '')) : ''));
  // In step mode, the operation the Step button will start.
  const next = useAppStore((s) => s.runUi.heldOp === id || (stacked && s.runUi.heldOp !== null && members.includes(s.runUi.heldOp)));
  const { NodeStrip } = useSlots();
  // During and after a run the badge counts the members done, so progress reads at any zoom.
  const done = useAppStore((s) => (stacked && members.some((m) => s.runs.ops[m]) ? members.filter((m) => s.runs.ops[m]?.status === 'done').length : -1));
  const failed = useAppStore((s) => stacked && members.some((m) => s.runs.ops[m]?.status === 'failed'));
  const commands = useEditorCommands();
  if (!op) return null;
  const def = operationDefinitions[op.type];
  const name = (stacked && title) || op.label || def.label;
  const diags = parseDiagnosticsKey(diagKey);
  const errors = diags.filter((d) => d.severity === 'error');
  const level = errors.length ? 'error' : diags.length ? 'warning' : 'ok';
  return (
    <div className={`op-node cat-${def.category} diag-${level}${selected ? ' is-selected' : ''}${next ? ' is-next' : ''}${stacked ? ' is-stack' : ''}`} data-testid={`op-node-${id}`} title={def.help}>
      {stacked ? (
        <button
          type="button"
          className={`stack-badge nodrag${failed ? ' has-failed' : ''}`}
          data-testid={`stack-badge-${id}`}
          title={group?.kind === 'serial' ? `${members.length} rounds of the same steps folded into one: click to unfold them` : `${members.length} repeated branches folded into one: click to unfold them`}
          onClick={(e) => {
            e.stopPropagation();
            commands.setStackFolded(id, false);
          }}
        >
          {done >= 0 ? `${done}/${members.length}` : `×${members.length}`}
          {group?.kind === 'serial' ? ' rounds' : ''}
        </button>
      ) : foldable > 1 ? (
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
      ) : null}
      {next ? (
        <span className="next-badge" data-testid={`next-op-${id}`}>
          Next step
        </span>
      ) : null}
      <Handle type="target" position={Position.Left} className="handle handle-in" data-testid={`handle-in-${id}`} />
      <div className="op-node-head">
        <span className="op-icon" aria-hidden>
          {def.icon}
        </span>
        <span className="op-name" title={name}>
          {name}
        </span>
        {diags.length ? (
          <span className={`diag-badge diag-badge-${level}`} data-testid={`diag-badge-${id}`} title={diags.map((d) => d.message).join('\n')}>
            {level === 'error' ? '!' : '⚠'} {diags.length}
          </span>
        ) : null}
      </div>
      <div className="op-summary">
        {op.label ? <span className="op-type">{def.label} · </span> : null}
        {summaryOf(op)}
      </div>
      {diags[0] ? (
        <div className={`op-diag op-diag-${diags[0].severity}`} data-testid={`node-diagnostic-${id}`}>
          {diags[0].message}
        </div>
      ) : null}
      {stacked ? <StackStrip lead={id} members={members} /> : NodeStrip ? <NodeStrip opId={id} /> : <NodeStatusStrip opId={id} />}
      <Handle type="source" position={Position.Right} className="handle handle-out" data-testid={`handle-out-${id}`} />
    </div>
  );
});
