import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { operationDefinitions, type OperationNode } from '../../engine/index';
import { opIndex } from '../document/docIndex';
import { opDiagnosticsKey, parseDiagnosticsKey } from '../diagnostics/diagnosticsOf';
import { useSlots } from '../shell/slots';
import { useAppStore } from '../store/StoreProvider';
import { NodeStatusStrip } from './NodeStatusStrip';

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
  const diagKey = useAppStore((s) => opDiagnosticsKey(s.doc, id));
  // In step mode, the operation the Step button will start.
  const next = useAppStore((s) => s.runUi.heldOp === id);
  const { NodeStrip } = useSlots();
  if (!op) return null;
  const def = operationDefinitions[op.type];
  const diags = parseDiagnosticsKey(diagKey);
  const errors = diags.filter((d) => d.severity === 'error');
  const level = errors.length ? 'error' : diags.length ? 'warning' : 'ok';
  return (
    <div className={`op-node cat-${def.category} diag-${level}${selected ? ' is-selected' : ''}${next ? ' is-next' : ''}`} data-testid={`op-node-${id}`} title={def.help}>
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
        <span className="op-name" title={op.label || def.label}>
          {op.label || def.label}
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
      {NodeStrip ? <NodeStrip opId={id} /> : <NodeStatusStrip opId={id} />}
      <Handle type="source" position={Position.Right} className="handle handle-out" data-testid={`handle-out-${id}`} />
    </div>
  );
});
