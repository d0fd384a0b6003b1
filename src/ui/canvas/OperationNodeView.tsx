import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { operationDefinitions, type OperationNode } from '../../engine/index';
import { opIndex } from '../document/docIndex';
import { opDiagnosticsKey, parseDiagnosticsKey } from '../diagnostics/diagnosticsOf';
import { LoadBoundary } from '../shell/LoadBoundary';
import { lazyView } from '../shell/preloadable';
import { useSlots } from '../shell/slots';
import { useAppStore } from '../store/StoreProvider';
import { NodeStatusStrip } from './NodeStatusStrip';
import { drawnGraph, foldGroupsOf, foldingLoaded } from './drawnGraph';

const NO_MEMBERS: readonly string[] = [];
// A stack's strip loads with the first folded graph, not on every start.
const StackStrip = lazyView(() => import('./StackStrip'), 'StackStrip');
const StackMarks = lazyView(() => import('./StackStrip'), 'StackMarks');

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
  const title = useAppStore((s) => (stacked ? (foldingLoaded()?.stackLabel(members.map((m) => opIndex(s.doc).get(m)?.label ?? '')) ?? '') : ''));
  // In step mode, the operation the Step button will start.
  const next = useAppStore((s) => s.runUi.heldOp === id || (stacked && s.runUi.heldOp !== null && members.includes(s.runUi.heldOp)));
  const { NodeStrip } = useSlots();
  if (!op) return null;
  const def = operationDefinitions[op.type];
  const name = (stacked && title) || op.label || def.label;
  const diags = parseDiagnosticsKey(diagKey);
  const errors = diags.filter((d) => d.severity === 'error');
  const level = errors.length ? 'error' : diags.length ? 'warning' : 'ok';
  return (
    <div className={`op-node cat-${def.category} diag-${level}${selected ? ' is-selected' : ''}${next ? ' is-next' : ''}${stacked ? ' is-stack' : ''}`} data-testid={`op-node-${id}`} title={def.help}>
      {stacked || foldable > 1 ? (
        <LoadBoundary what="the stack's marks" fallback={null} quiet>
          <StackMarks id={id} group={group} foldable={foldable} />
        </LoadBoundary>
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
      {stacked ? (
        <LoadBoundary what="the stack's strip" fallback={null} quiet>
          <StackStrip lead={id} members={members} />
        </LoadBoundary>
      ) : NodeStrip ? <NodeStrip opId={id} /> : <NodeStatusStrip opId={id} />}
      <Handle type="source" position={Position.Right} className="handle handle-out" data-testid={`handle-out-${id}`} />
    </div>
  );
});
