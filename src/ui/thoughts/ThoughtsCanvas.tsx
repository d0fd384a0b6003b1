import { useCallback } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Node, type NodeMouseHandler } from '@xyflow/react';
import type { ThoughtId } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { PendingCallCard } from './cards/PendingCallCard';
import { ThoughtCard } from './cards/ThoughtCard';
import { ColorLegend } from './ColorLegend';
import type { ColorBy } from './colorScale';
import { useGrsElements } from './useGrsElements';
import './thoughts.css';

const nodeTypes = { thought: ThoughtCard, pending: PendingCallCard };
const minimapColor = (n: Node) => ((n.data as { color?: string | null }).color ?? '#9aa4b2');

function GrsFlow() {
  const api = useAppStoreApi();
  const { nodes, edges, domain } = useGrsElements();
  const count = useAppStore((s) => s.live.grs.thoughtOrder.length);
  const onNodeClick: NodeMouseHandler = useCallback(
    (_e, node) => {
      if (node.type !== 'thought') return;
      api.getState().selectInRun({ kind: 'thought', id: node.id as ThoughtId });
      api.getState().patchRunUi({ panel: 'detail' });
    },
    [api],
  );
  const onPaneClick = useCallback(() => api.getState().selectInRun(null), [api]);
  const setColorBy = useCallback((colorBy: ColorBy) => api.getState().patchRunUi({ colorBy }), [api]);
  return (
    <div className="grs-canvas" data-testid="grs-canvas">
      {count === 0 ? <div className="grs-empty">Run the graph to see its thoughts here: one card per thought, with its volume and latency.</div> : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements
        minZoom={0.03}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable nodeColor={minimapColor} />
      </ReactFlow>
      <ColorLegend domain={domain} onChange={setColorBy} />
    </div>
  );
}

/** The Graph Reasoning State as a second canvas (its own React Flow instance, apart from the editor's). */
export function ThoughtsCanvas() {
  return (
    <ReactFlowProvider>
      <GrsFlow />
    </ReactFlowProvider>
  );
}
