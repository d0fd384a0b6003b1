import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { estimateOf } from '../estimate/estimateOf';
import { useAppStore } from '../store/StoreProvider';

export interface OrderedEdgeData extends Record<string, unknown> {
  order: number;
  count: number;
}

/** An edge labelled with its place among the target's inputs and the thoughts it carries. */
export const OrderedEdge = memo(function OrderedEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected, data } = props;
  const d = data as OrderedEdgeData | undefined;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const flowed = useAppStore((s) => s.runs.edges[id]);
  const expected = useAppStore((s) => estimateOf(s.doc, s.modelPricing).edges[id]);
  const thoughts = flowed ?? expected;
  const flowing = useAppStore((s) => s.runs.active && s.runs.ops[props.target]?.status === 'running');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`${selected ? 'edge-selected' : ''}${flowing ? ' edge-flowing' : ''}`} />
      <EdgeLabelRenderer>
        <div className="edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`edge-label-${id}`}>
          {thoughts !== undefined ? <span title={flowed !== undefined ? 'Thoughts that flowed' : 'Expected thoughts'}>{flowed !== undefined ? thoughts : `~${thoughts}`}</span> : null}
        </div>
        {d && d.count > 1 ? (
          <div className="edge-order nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX + (targetX - labelX) * 0.65}px, ${labelY + (targetY - labelY) * 0.65}px)` }} title="Input order: decides ties and aggregation order" data-testid={`edge-order-${id}`}>
            {d.order}
          </div>
        ) : null}
      </EdgeLabelRenderer>
    </>
  );
});
