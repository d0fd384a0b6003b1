import { createContext, memo, useContext } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useAppStore } from '../../store/StoreProvider';
import { INPUT_LANE, LANE_HEAD_OVERHANG } from '../layout/laneLayout';
import { opLabelOf, opTypeOf } from '../opLabels';

/** Each lane's tag when its column's lanes differ ("3" of "Solve List 1–8"): shown in its head while the header band names the column. */
export const LaneTags = createContext<ReadonlyMap<string, string>>(new Map());

export type LaneNodeData = { opId: string };
export type LaneNode = Node<LaneNodeData, 'lane'>;

/** The head reaches LANE_HEAD_OVERHANG past its lane (room the layout keeps for long operation names). */
const HEAD_STYLE = { width: `calc(100% + ${LANE_HEAD_OVERHANG}px)` };

/** One operation's lane: a box behind its thoughts, headed by the operation's label and type. */
export const LaneCard = memo(function LaneCard({ data }: NodeProps<LaneNode>) {
  const label = useAppStore((s) => (data.opId === INPUT_LANE ? 'Input' : opLabelOf(s.live.grs.document, data.opId)));
  const type = useAppStore((s) => (data.opId === INPUT_LANE ? 'the run’s input' : opTypeOf(s.live.grs.document, data.opId)));
  const lit = useAppStore((s) => Boolean(s.highlight.ops[data.opId]));
  const tag = useContext(LaneTags).get(data.opId);
  return (
    <div className={`grs-lane${lit ? ' is-lit' : ''}`} data-testid={`lane-${data.opId}`}>
      <div className="grs-lane-head" style={HEAD_STYLE} title={`${label} (${type})`}>
        <span className="grs-lane-label">{label}</span>
        <span className="grs-lane-type">{type}</span>
        {tag ? <span className="grs-lane-tag">{tag}</span> : null}
      </div>
    </div>
  );
});
