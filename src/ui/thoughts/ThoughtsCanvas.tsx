import { useCallback } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useStore as useFlowStore,
  type Node,
  type NodeMouseHandler,
} from '@xyflow/react';
import type { ThoughtId } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { PendingCallCard } from './cards/PendingCallCard';
import { ThoughtCard, TINY_MIN_THOUGHTS, TINY_ZOOM } from './cards/ThoughtCard';
import { ColorLegend } from './ColorLegend';
import type { ColorBy } from './colorScale';
import { useGrsCamera } from './useGrsCamera';
import { useGrsElements } from './useGrsElements';
import './thoughts.css';

const nodeTypes = { thought: ThoughtCard, pending: PendingCallCard };
/** The minimap redraws every node on each change: shown only for finished runs of moderate size. */
const MINIMAP_MAX = 600;
const OVERVIEW_ZOOM = TINY_ZOOM;
const OVERVIEW_MIN = TINY_MIN_THOUGHTS;
const minimapColor = (n: Node) => (n.data as { color?: string | null }).color ?? '#9aa4b2';

function GrsFlow() {
  const api = useAppStoreApi();
  const { nodes, edges, domain, layoutVersion } = useGrsElements();
  const count = useAppStore((s) => s.live.grs.thoughtOrder.length);
  const finished = useAppStore((s) => s.live.grs.summary !== null);
  const theme = useAppStore((s) => s.theme);
  const { onUserMove } = useGrsCamera(layoutVersion);
  const onNodeClick: NodeMouseHandler = useCallback(
    (_e, node) => {
      const s = api.getState();
      // A pending or failed call card opens its operation: its calls, their errors and retries.
      const call = node.type === 'pending' ? s.live.grs.calls[node.id.slice('call:'.length)] : undefined;
      if (node.type === 'pending' && !call) return;
      s.selectInRun(call ? { kind: 'operation', id: call.opId } : { kind: 'thought', id: node.id as ThoughtId });
      api.getState().patchRunUi({ panel: 'detail' });
    },
    [api],
  );
  const onPaneClick = useCallback(() => api.getState().selectInRun(null), [api]);
  const setColorBy = useCallback((colorBy: ColorBy) => api.getState().patchRunUi({ colorBy }), [api]);
  // Zoomed far out on a large GRS, only highlighted edges are drawn: thousands of hairlines hide more than they show and cost every frame.
  const overview = useFlowStore((s) => s.transform[2] < OVERVIEW_ZOOM) && count > OVERVIEW_MIN;
  return (
    <div className={`grs-canvas${overview ? ' is-overview' : ''}`} data-testid="grs-canvas" data-thoughts={count}>
      {count === 0 ? (
        <div className="grs-empty">Run the graph to see its thoughts here: one card per thought, with its volume and latency.</div>
      ) : null}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onMoveStart={onUserMove}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements
        minZoom={0.03}
        colorMode={theme}
      >
        <Background gap={24} />
        <Controls showInteractive={false} onZoomIn={() => onUserMove(true)} onZoomOut={() => onUserMove(true)} onFitView={() => onUserMove(true)} />
        {finished && count > 60 && count <= MINIMAP_MAX ? (
          <MiniMap pannable zoomable nodeColor={minimapColor} style={{ width: 140, height: 90 }} />
        ) : null}
      </ReactFlow>
      {count ? <ColorLegend domain={domain} onChange={setColorBy} /> : null}
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
