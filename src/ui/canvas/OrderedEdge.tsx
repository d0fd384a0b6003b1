import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { estimateOf } from '../estimate/estimateOf';
import { useAppStore } from '../store/StoreProvider';
import { backwardLaneY } from './edgeLanes';
import { drawnGraph } from './drawnGraph';

export interface OrderedEdgeData extends Record<string, unknown> {
  order: number;
  count: number;
}

/** An edge labelled with its place among the target's inputs and the thoughts it carries. */
export const OrderedEdge = memo(function OrderedEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected, data } = props;
  const d = data as OrderedEdgeData | undefined;
  // An edge running backwards (a wrapped row continuing below) goes round the rows through the gap between them.
  const backward = targetX < sourceX - 40;
  const gapY = useAppStore((s) => (backward ? backwardLaneY(drawnGraph(s.doc, s.folds).doc, sourceY, targetY) : 0));
  // Edges sharing a gap keep apart: longer jumps run a little lower; each label sits near its own source.
  const laneY = gapY + Math.max(-10, Math.min(10, (sourceX - targetX - 500) / 40));
  const [path, midX, midY] = backward
    ? getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, centerY: laneY, borderRadius: 12, offset: 24 })
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const [labelX, labelY] = backward ? [sourceX - 40, laneY] : [midX, midY];
  const orderAt = backward ? { x: targetX - 30, y: targetY - 12 } : { x: labelX + (targetX - labelX) * 0.65, y: labelY + (targetY - labelY) * 0.65 };
  const flowed = useAppStore((s) => s.runs.edges[id]);
  const expected = useAppStore((s) => estimateOf(s.doc, s.modelPricing).edges[id]);
  const thoughts = flowed ?? expected;
  const flowing = useAppStore((s) => s.runs.active && s.runs.ops[props.target]?.status === 'running');
  const tip = [
    thoughts === undefined ? null : flowed !== undefined ? `${thoughts} thought${thoughts === 1 ? '' : 's'} flowed` : `~${thoughts} thought${thoughts === 1 ? '' : 's'} expected`,
    d && d.count > 1 ? `input ${d.order} of ${d.count} (decides ties and aggregation order)` : null,
  ].filter((t) => t !== null);
  return (
    <>
      {/* The labels' figures on hover, also where the canvas is zoomed out too far to draw them. */}
      {tip.length > 0 ? <title>{tip.join(' · ')}</title> : null}
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`${selected ? 'edge-selected' : ''}${flowing ? ' edge-flowing' : ''}`} />
      <EdgeLabelRenderer>
        <div className="edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-testid={`edge-label-${id}`}>
          {thoughts !== undefined ? <span title={flowed !== undefined ? 'Thoughts that flowed' : 'Expected thoughts'}>{flowed !== undefined ? thoughts : `~${thoughts}`}</span> : null}
        </div>
        {d && d.count > 1 ? (
          <div className="edge-order nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${orderAt.x}px, ${orderAt.y}px)` }} title="Input order: decides ties and aggregation order" data-testid={`edge-order-${id}`}>
            {d.order}
          </div>
        ) : null}
      </EdgeLabelRenderer>
    </>
  );
});
