import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  type NodeMouseHandler,
} from '@xyflow/react';
import type { ThoughtId } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { EdgeLayer } from './cards/EdgeLayer';
import { LaneCard } from './cards/LaneNode';
import { PendingCallCard } from './cards/PendingCallCard';
import { PrunedStack, StackToggleContext } from './cards/PrunedStack';
import { COMPACT_ZOOM, ThoughtCard } from './cards/ThoughtCard';
import { ColorLegend } from './ColorLegend';
import type { ColorBy } from './colorScale';
import { GrsOverview } from './GrsOverview';
import { CARD_HEIGHT, CARD_WIDTH } from './layout/laneLayout';
import { SelectionKey } from './SelectionKey';
import { FIT_MIN_ZOOM, useGrsCamera } from './useGrsCamera';
import { usePresentedGrs } from '../present/usePresentedGrs';
import { useGrsElements } from './useGrsElements';
import { usePacedGrs } from './usePacedGrs';
import './thoughts.css';

const nodeTypes = { thought: ThoughtCard, pending: PendingCallCard, lane: LaneCard, stack: PrunedStack, edges: EdgeLayer };
/** Below this zoom the cards are drawn on one canvas (GrsOverview) instead of as DOM cards. */
export const OVERVIEW_ZOOM = 0.25;
const NO_LANES: ReadonlySet<string> = new Set();

/** Which lanes show their pruned thoughts: none by default, all with the toggle, or those the user opened; reset for each run. */
function useOpenLanes(runId: string | null) {
  const [state, setState] = useState<{ runId: string | null; open: ReadonlySet<string>; all: boolean }>({ runId, open: NO_LANES, all: false });
  const current = state.runId === runId ? state : { runId, open: NO_LANES, all: false };
  const toggle = useCallback(
    (opId: string) =>
      setState((s) => {
        const open = new Set(s.runId === runId ? s.open : []);
        if (open.has(opId)) open.delete(opId);
        else open.add(opId);
        return { runId, open, all: s.runId === runId && s.all };
      }),
    [runId],
  );
  const openLane = useCallback(
    (opId: string) => setState((s) => (s.runId === runId && s.open.has(opId) ? s : { runId, open: new Set([...(s.runId === runId ? s.open : []), opId]), all: s.all })),
    [runId],
  );
  const setAll = useCallback((all: boolean) => setState({ runId, open: NO_LANES, all }), [runId]);
  return { open: current.all ? ('all' as const) : current.open, all: current.all, toggle, openLane, setAll };
}

/** Keeps `--grs-zoom` on the canvas element in step with the camera, so compact cards size their figures without re-rendering. */
function useZoomVariable(el: React.RefObject<HTMLDivElement | null>) {
  const flow = useFlowStoreApi();
  useEffect(() => {
    const set = (zoom: number) => el.current?.style.setProperty('--grs-zoom', String(zoom));
    set(flow.getState().transform[2]);
    return flow.subscribe((s, prev) => {
      if (s.transform[2] !== prev.transform[2]) set(s.transform[2]);
    });
  }, [flow, el]);
}

function GrsFlow() {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  const grs = usePacedGrs();
  const { runId } = grs;
  const count = grs.thoughtOrder.length;
  const theme = useAppStore((s) => s.theme);
  const selected = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.runUi.selection.id : null));
  const lanes = useOpenLanes(runId);
  const overview = useFlowStore((s) => s.transform[2] < OVERVIEW_ZOOM);
  const far = useFlowStore((s) => s.transform[2] < COMPACT_ZOOM);
  const { nodes, domain, layout, finalPath, items } = useGrsElements(grs, lanes.open, !overview);
  const { onUserMove } = useGrsCamera(grs, layout);
  usePresentedGrs(flow, layout);
  const root = useRef<HTMLDivElement>(null);
  useZoomVariable(root);
  // A folded thought selected elsewhere (a parent link, an operation's list) opens its lane's stack.
  const foldedLane = selected ? layout.folded.get(selected) : undefined;
  const { openLane } = lanes;
  useEffect(() => {
    if (foldedLane) openLane(foldedLane);
  }, [foldedLane, openLane]);

  const onNodeClick: NodeMouseHandler = useCallback(
    (_e, node) => {
      const s = api.getState();
      if (node.type === 'lane' || node.type === 'stack') return;
      // A pending or failed call card opens its operation: its calls, their errors and retries.
      const call = node.type === 'pending' ? s.live.grs.calls[node.id.slice('call:'.length)] : undefined;
      if (node.type === 'pending' && !call) return;
      s.selectInRun(call ? { kind: 'operation', id: call.opId } : { kind: 'thought', id: node.id as ThoughtId });
      api.getState().patchRunUi({ panel: 'detail' });
    },
    [api],
  );
  const onPaneClick = useCallback(
    (event: React.MouseEvent) => {
      const s = api.getState();
      // On the overview canvas the cards are pixels: a click selects the card under the pointer.
      if (overview) {
        const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        for (const [id, at] of layout.cards) {
          if (p.x >= at.x && p.x <= at.x + CARD_WIDTH && p.y >= at.y && p.y <= at.y + CARD_HEIGHT && !id.startsWith('call:')) {
            s.selectInRun({ kind: 'thought', id: id as ThoughtId });
            s.patchRunUi({ panel: 'detail' });
            return;
          }
        }
      }
      s.selectInRun(null);
    },
    [api, flow, overview, layout],
  );
  const setColorBy = useCallback((colorBy: ColorBy) => api.getState().patchRunUi({ colorBy }), [api]);
  const scene = useMemo(() => ({ layout, items, domain, finalPath, thoughts: grs.thoughts }), [layout, items, domain, finalPath, grs.thoughts]);
  const folded = layout.lanes.reduce((n, l) => n + l.folded, 0);
  return (
    <StackToggleContext.Provider value={lanes.toggle}>
      <div
        ref={root}
        className={`grs-canvas${far ? ' is-far' : ''}${overview ? ' is-overview' : ''}`}
        data-testid="grs-canvas"
        data-thoughts={count}
        data-shown={layout.cards.size}
        data-lod={overview ? 'overview' : 'cards'}
      >
        {count === 0 ? (
          <div className="grs-empty">Run the graph to see its thoughts here: one lane per operation, one card per thought, with its volume and latency.</div>
        ) : null}
        <ReactFlow
          nodes={nodes}
          nodeTypes={nodeTypes}
          onNodeClick={onNodeClick}
          onPaneClick={onPaneClick}
          onMoveStart={onUserMove}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          onlyRenderVisibleElements
          minZoom={FIT_MIN_ZOOM}
          colorMode={theme}
        >
          {/* The dots are repainted across the whole pane on every pan frame; in the overview they are denser than 6 px and show nothing. */}
          {overview ? null : <Background gap={24} />}
          <Controls showInteractive={false} onZoomIn={() => onUserMove(true)} onZoomOut={() => onUserMove(true)} onFitView={() => onUserMove(true)} />
          {overview && count ? <GrsOverview scene={scene} /> : null}
        </ReactFlow>
        {count ? (
          <div className="grs-toolbar">
            <label className="grs-toggle" title="Show every pruned thought, not only one stack per operation">
              <input type="checkbox" checked={lanes.all} onChange={(e) => lanes.setAll(e.target.checked)} data-testid="grs-show-all" />
              Show all thoughts{folded ? ` (${folded} not kept)` : ''}
            </label>
          </div>
        ) : null}
        <SelectionKey />
        {count ? <ColorLegend domain={domain} onChange={setColorBy} /> : null}
      </div>
    </StackToggleContext.Provider>
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
