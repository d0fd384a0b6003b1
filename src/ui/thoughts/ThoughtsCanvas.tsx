import { useCallback, useEffect } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
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
import { useGrsElements } from './useGrsElements';
import './thoughts.css';

const nodeTypes = { thought: ThoughtCard, pending: PendingCallCard };
/** The minimap redraws every node on each change: shown only for finished runs of moderate size. */
const MINIMAP_MAX = 600;
/** Above this many thoughts the view opens on the newest ones instead of fitting them all. */
const FIT_ALL_MAX = 500;
const FOCUS_TAIL = 24;
const OVERVIEW_ZOOM = TINY_ZOOM;
const OVERVIEW_MIN = TINY_MIN_THOUGHTS;
const minimapColor = (n: Node) => (n.data as { color?: string | null }).color ?? '#9aa4b2';

function GrsFlow() {
  const api = useAppStoreApi();
  const { nodes, edges, domain, layoutVersion } = useGrsElements();
  const count = useAppStore((s) => s.live.grs.thoughtOrder.length);
  const runId = useAppStore((s) => s.live.grs.runId);
  const finished = useAppStore((s) => s.live.grs.summary !== null);
  const view = useAppStore((s) => s.runUi.view);
  const theme = useAppStore((s) => s.theme);
  const flow = useReactFlow();
  // Refit when a run starts showing thoughts, when it ends, when the tidy layout lands and when the panel changes size; never while the user pans mid-run.
  // A large GRS opens on its newest thoughts at a readable zoom (the minimap-free "fit all" is one click away).
  const started = count > 1;
  useEffect(() => {
    if (!started) return;
    // A short delay lets React Flow take in new positions (the ELK layout) before measuring the fit.
    const id = setTimeout(() => {
      const order = api.getState().live.grs.thoughtOrder;
      const focus = order.length > FIT_ALL_MAX ? order.slice(-FOCUS_TAIL).map((tid) => ({ id: tid })) : undefined;
      void flow.fitView({ duration: 200, maxZoom: 1, padding: 0.12, nodes: focus });
    }, 80);
    return () => clearTimeout(id);
  }, [api, flow, runId, started, finished, layoutVersion, view]);
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
  // Zoomed far out on a large GRS, only highlighted edges are drawn: thousands of hairlines hide more than they show and cost every frame.
  const overview = useFlowStore((s) => s.transform[2] < OVERVIEW_ZOOM) && count > OVERVIEW_MIN;
  return (
    <div className={`grs-canvas${overview ? ' is-overview' : ''}`} data-testid="grs-canvas">
      {count === 0 ? (
        <div className="grs-empty">Run the graph to see its thoughts here: one card per thought, with its volume and latency.</div>
      ) : null}
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
        colorMode={theme}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
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
