import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ControlButton,
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
import { CardHeaderBand } from './cards/CardHeaderBand';
import { LaneCard, LaneTags } from './cards/LaneNode';
import { PendingCallCard } from './cards/PendingCallCard';
import { PrunedStack, StackToggleContext } from './cards/PrunedStack';
import { COMPACT_ZOOM, ThoughtCard, useCompactCards } from './cards/ThoughtCard';
import { ColorLegend } from './ColorLegend';
import type { ColorBy } from './colorScale';
import { farHeaderText } from './farHeaderText';
import { GrsOverview } from './GrsOverview';
import { cardBand, cardColumns, HEAD_TYPE, headLinesFit, titlesFit } from './layout/cardHeaders';
import { PRESENT_TYPE_SCALE } from '../present/presentType';
import { CARD_HEIGHT, CARD_WIDTH } from './layout/laneLayout';
import { blockAt, FAR_SCALE, foldToFit, OVERVIEW_ZOOM, pillLayout } from './layout/pillLayout';
import { selectOpOrder } from '../run/runSelectors';
import { SelectionKey } from './SelectionKey';
import { FIT_MIN_ZOOM, FIT_PADDING, fitRoom, useGrsCamera } from './useGrsCamera';
import { usePresentedGrs } from '../present/usePresentedGrs';
import { useGrsElements } from './useGrsElements';
import { usePacedGrs } from './usePacedGrs';
import './thoughts.css';

const nodeTypes = { thought: ThoughtCard, pending: PendingCallCard, lane: LaneCard, stack: PrunedStack, edges: EdgeLayer };
const NO_LANES: ReadonlySet<string> = new Set();
const NO_NODES: never[] = [];
const NO_FOLD: ReadonlySet<number> = new Set();

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
  // Where the cards are compact, a pruned stack's reason (11 px) would be under 10.5 px on screen too (15.75 presenting).
  const brief = useCompactCards();
  const presenting = useAppStore((s) => s.presenting);
  const { nodes, domain, layout, finalPath, items } = useGrsElements(grs, lanes.open, !overview);
  const opOrder = selectOpOrder(grs);
  // The far level's layout: drawn below the overview zoom, and what a whole-graph fit measures once a run has ended.
  // Columns a whole-graph fit folded to fit a short pane (unfolded again once the cards show), and the room its headers were fitted to.
  const [fitted, setFitted] = useState<{ fold: ReadonlySet<number>; room?: { width: number; height: number } }>({ fold: NO_FOLD });
  useEffect(() => {
    if (!overview) setFitted((f) => (f.fold === NO_FOLD ? f : { fold: NO_FOLD, room: f.room }));
  }, [overview]);
  const headerText = useMemo(() => farHeaderText(grs.document), [grs.document]);
  // Before any fit (zoomed out by hand) the headers take the room the pane has.
  const paneWidth = useFlowStore((s) => s.width);
  const paneHeight = useFlowStore((s) => s.height);
  const room = useMemo(() => fitted.room ?? (paneWidth && paneHeight ? fitRoom({ width: paneWidth, height: paneHeight }) : undefined), [fitted.room, paneWidth, paneHeight]);
  const pills = useMemo(
    () => (overview || grs.summary ? pillLayout(items, opOrder, lanes.open, fitted.fold, { text: headerText, room }) : null),
    [overview, grs.summary, items, opOrder, lanes.open, fitted.fold, headerText, room],
  );
  const refold = useCallback(
    (room: { width: number; height: number }) => {
      const { fold, layout } = foldToFit(items, opOrder, lanes.open, room, headerText);
      setFitted({ fold, room });
      return layout;
    },
    [items, opOrder, lanes.open, headerText],
  );
  // Zoomed out, where a lane's head would cut its title, a band above the cards names the columns as the far level's headers do.
  // Not in Split: its Operations view names the operations, and its short pane keeps the cards' room (as its fit does).
  const split = useAppStore((s) => s.runUi.view === 'split');
  // Presenting sets the heads and the band 1.5× larger (present.css): they fit less.
  const headType = presenting ? HEAD_TYPE.presenting : HEAD_TYPE.editor;
  const bandScale = presenting ? PRESENT_TYPE_SCALE : 1;
  const heads = useMemo(() => cardColumns(layout.lanes, headerText), [layout.lanes, headerText]);
  const laneOps = useMemo(() => layout.lanes.map((l) => l.opId), [layout.lanes]);
  // Remembered for the last zoom: the band's flow-store selector runs on every pan frame, where the zoom does not change.
  const titlesShow = useMemo(() => {
    let last = NaN;
    let shown = false;
    return (zoom: number) => {
      if (zoom !== last) {
        last = zoom;
        shown = split || (zoom >= COMPACT_ZOOM && titlesFit(laneOps, headerText, zoom, headType));
      }
      return shown;
    };
  }, [split, laneOps, headerText, headType]);
  // Zoomed out, a lane's type would not fit under its label at a size that reads: the head shows the label alone.
  const typeShown = useFlowStore(useCallback((s) => headLinesFit(s.transform[2], headType), [headType]));
  const banded = useFlowStore(useCallback((s) => s.transform[2] >= OVERVIEW_ZOOM && !titlesShow(s.transform[2]), [titlesShow]));
  const bandAt = useCallback(
    (zoom: number, left: number, pane: { width: number; height: number }) =>
      titlesShow(zoom) ? 0 : cardBand(heads.columns, headerText, zoom, pane, left, FIT_PADDING, bandScale).band * bandScale,
    [titlesShow, heads, headerText, bandScale],
  );
  const { onUserMove, fitWhole } = useGrsCamera(grs, layout, pills, refold, bandAt);
  usePresentedGrs(flow, layout);
  const root = useRef<HTMLDivElement>(null);
  useZoomVariable(root);
  // What the selection key keeps clear of, in pane px: the operations' headers, the thoughts on screen and those it describes.
  const flowStore = useFlowStoreApi();
  const keyAvoid = useCallback(() => {
    const { transform, width, height } = flowStore.getState();
    const [tx, ty, zoom] = transform;
    const marked = Object.keys(api.getState().highlight.thoughts);
    const s = zoom < OVERVIEW_ZOOM ? zoom * FAR_SCALE : zoom;
    const box = (b: { x: number; y: number }, w: number, h: number) => ({ x: tx + b.x * s, y: ty + b.y * s, width: w * s, height: h * s });
    const onScreen = (b: { x: number; y: number; width: number; height: number }) => b.x + b.width > 0 && b.y + b.height > 0 && b.x < width && b.y < height;
    if (zoom < OVERVIEW_ZOOM && pills) {
      return {
        headers: pills.headers.map((h) => box(h, h.width, h.height)),
        nodes: pills.blocks.map((b) => box(b, b.width, b.height)).filter(onScreen),
        described: marked.flatMap((id) => pills.at.get(id) ?? []).map((b) => box(b, b.width, b.height)),
      };
    }
    const band = root.current?.querySelector<HTMLElement>('.grs-band');
    return {
      headers: band ? [{ x: 0, y: band.offsetTop, width: band.offsetWidth, height: band.offsetHeight }] : [],
      nodes: [...layout.cards.values()].map((p) => box(p, CARD_WIDTH, CARD_HEIGHT)).filter(onScreen),
      described: marked.flatMap((id) => layout.cards.get(id) ?? []).map((p) => box(p, CARD_WIDTH, CARD_HEIGHT)),
    };
  }, [flowStore, api, pills, layout]);
  // A folded thought selected elsewhere (a parent link, an operation's list) opens its lane's stack.
  const foldedLane = selected ? layout.folded.get(selected) : undefined;
  const { openLane, toggle: toggleLane } = lanes;
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
      // On the far level the thoughts are pixels: a click selects the pill under the pointer, opens a stack, or zooms in on a summarised lane.
      const hit = overview && pills ? blockAt(pills, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })) : null;
      if (hit?.kind === 'thought') {
        s.selectInRun({ kind: 'thought', id: hit.id as ThoughtId });
        s.patchRunUi({ panel: 'detail' });
        return;
      }
      if (hit?.kind === 'stack') return toggleLane(hit.lane);
      if (hit?.kind === 'summary') {
        onUserMove(true);
        void flow.setCenter((hit.x + hit.width / 2) * FAR_SCALE, (hit.y + hit.height / 2) * FAR_SCALE, { zoom: OVERVIEW_ZOOM, duration: 250 });
        return;
      }
      s.selectInRun(null);
    },
    [api, flow, overview, pills, toggleLane, onUserMove],
  );
  const setColorBy = useCallback((colorBy: ColorBy) => api.getState().patchRunUi({ colorBy }), [api]);
  const finalIds = grs.summary?.finalThoughtIds;
  const scene = useMemo(
    () => (pills ? { pills, items, domain, finalPath, finals: new Set<string>(finalIds ?? []), thoughts: grs.thoughts } : null),
    [pills, items, domain, finalPath, finalIds, grs.thoughts],
  );
  const folded = layout.lanes.reduce((n, l) => n + l.folded, 0);
  return (
    <StackToggleContext.Provider value={lanes.toggle}>
      <LaneTags.Provider value={heads.tags}>
      <div
        ref={root}
        className={`grs-canvas${far ? ' is-far' : ''}${brief ? ' is-brief' : ''}${overview ? ' is-overview' : ''}${banded && count ? ' has-band' : ''}${typeShown ? '' : ' no-lane-type'}`}
        data-testid="grs-canvas"
        data-thoughts={count}
        data-shown={layout.cards.size}
        data-lod={overview ? 'overview' : 'cards'}
      >
        {count === 0 ? (
          <div className="grs-empty">Run the graph to see its thoughts here: one lane per operation, one card per thought, with its volume and latency.</div>
        ) : null}
        <ReactFlow
          nodes={overview ? NO_NODES : nodes}
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
          <Controls showInteractive={false} showFitView={false} onZoomIn={() => onUserMove(true)} onZoomOut={() => onUserMove(true)}>
            {/* Our own fit: React Flow's fits DOM nodes, and the far level draws its thoughts on a canvas. */}
            <ControlButton className="react-flow__controls-fitview" onClick={fitWhole} title="Fit the whole graph" aria-label="Fit the whole graph">
              <svg viewBox="0 0 32 30" aria-hidden="true">
                <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
              </svg>
            </ControlButton>
          </Controls>
          {overview && count && scene ? <GrsOverview scene={scene} /> : null}
        </ReactFlow>
        {banded && count ? <CardHeaderBand columns={heads.columns} text={headerText} scale={bandScale} /> : null}
        {count ? (
          <div className="grs-toolbar">
            <label className="grs-toggle" title="Show every pruned thought, not only one stack per operation">
              <input type="checkbox" checked={lanes.all} onChange={(e) => lanes.setAll(e.target.checked)} data-testid="grs-show-all" />
              Show all thoughts{folded ? ` (${folded} not kept)` : ''}
            </label>
          </div>
        ) : null}
        <SelectionKey avoid={keyAvoid} />
        {count ? <ColorLegend domain={domain} onChange={setColorBy} /> : null}
      </div>
      </LaneTags.Provider>
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
