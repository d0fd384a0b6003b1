import { createContext, memo, useContext } from 'react';
import type { Node, NodeProps } from '@xyflow/react';

export type StackNodeData = { opId: string; count: number; open: boolean; why: string };
export type StackNode = Node<StackNodeData, 'stack'>;

/** Opens or closes a lane's stack of pruned thoughts (provided by the canvas that holds the open set). */
export const StackToggleContext = createContext<(opId: string) => void>(() => undefined);

/** A lane's pruned thoughts folded into one card ("+4 not kept — why"); a click shows them, another folds them again. */
export const PrunedStack = memo(function PrunedStack({ data }: NodeProps<StackNode>) {
  const toggle = useContext(StackToggleContext);
  return (
    <button
      type="button"
      className={`grs-stack${data.open ? ' is-open' : ''}`}
      data-testid={`pruned-stack-${data.opId}`}
      aria-expanded={data.open}
      title={data.why}
      onClick={(e) => {
        e.stopPropagation();
        toggle(data.opId);
      }}
    >
      <span className="grs-stack-count">
        {data.open ? `▾ hide ${data.count}` : `+${data.count}`}
        <span className="grs-stack-words"> not kept</span>
        {data.open ? null : <span className="grs-stack-ask"> — why</span>}
      </span>
      <span className="grs-stack-why">{data.why}</span>
    </button>
  );
});
