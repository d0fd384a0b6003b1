import { useCallback, useEffect, useLayoutEffect, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { OPERATION_TYPES, type OperationType } from '../../engine/index';
import type { XY } from '../document/graphEdits';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { CanvasContextMenu, type ContextMenuAt } from './CanvasContextMenu';
import { FIT_OPTIONS, useEditorCommands } from './editorCommands';
import { useFileCommands } from '../files/useFileCommands';
import { HistoryButtons } from './HistoryButtons';
import { LevelOfDetail } from './LevelOfDetail';
import { edgeTypes, nodeTypes, INPUT_NODE_ID, OUTPUT_NODE_ID } from './nodeTypes';
import { useFlowElements } from './useFlowElements';
import { allFolds, drawnGraph, foldGroupsOf, loadFolding, needsFolding } from './drawnGraph';
import { canvasSize } from './startView';
import { estimatedCanvasSize } from '../document/wrapLayout';

/** Above this many operations only the visible nodes are rendered (large graphs stay fluid). */
const VIRTUALIZE_ABOVE = 500;
export const PALETTE_MIME = 'application/x-got-operation';
const CATEGORY_COLOR: Record<string, string> = { llm: 'var(--llm)', annotate: 'var(--annotate)', filter: 'var(--filter)' };
const minimapColor = (n: Node): string =>
  n.type === 'comment'
    ? 'var(--comment-bg)'
    : n.type === 'operation'
      ? (CATEGORY_COLOR[(n.data as { category?: string }).category ?? ''] ?? 'var(--muted)')
      : 'var(--border)';
const isTerminal = (id: string) => id === INPUT_NODE_ID || id === OUTPUT_NODE_ID;

/** The Graph of Operations canvas: nodes and edges from the store; edits go back through store actions. */
export function Canvas() {
  const store = useAppStoreApi();
  const commands = useEditorCommands();
  const files = useFileCommands();
  const rf = useReactFlow();
  const doc = useAppStore((s) => s.doc);
  const selection = useAppStore((s) => s.selection);
  const theme = useAppStore((s) => s.theme);
  // The Split view's operations pane is short: a minimap there would sit on the nodes, so it shows only in the Operations view.
  const splitPane = useAppStore((s) => s.runUi.view === 'split');
  const showMinimap = useAppStore((s) => s.prefs.minimap);
  const folds = useAppStore((s) => s.folds);
  const drawn = drawnGraph(doc, folds);
  const folded = drawn.stacks.size > 0;
  const canvasRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<Record<string, XY>>({});
  const dragRef = useRef<Record<string, XY>>({});
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [measureTick, setMeasureTick] = useState(0);
  const [menu, setMenu] = useState<ContextMenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const openMenu = useCallback(
    (e: MouseEvent | ReactMouseEvent, target: ContextMenuAt['target']) => {
      e.preventDefault();
      setMenu({ screen: { x: e.clientX, y: e.clientY }, flow: rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }), target });
    },
    [rf],
  );
  // Node handlers are handed to every node wrapper: stable, so a canvas render (e.g. Split opening) does not re-render each node.
  const onNodeClick = useCallback((_e: ReactMouseEvent, node: Node) => node.id === INPUT_NODE_ID && store.getState().select([]), [store]);
  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, node: Node) => {
      if (isTerminal(node.id)) return openMenu(e, 'pane');
      if (!store.getState().selection.includes(node.id)) store.getState().select([node.id]);
      openMenu(e, 'selection');
    },
    [store, openMenu],
  );
  const { nodes, edges, measured } = useFlowElements(drawn.doc, selection, dragging, selectedEdges, measureTick, drawn.stacks);

  // The folding code loads after the first paint, so a graph that needs it later (or the fold button) has it at hand.
  const [foldingReady, setFoldingReady] = useState(false);
  useEffect(() => {
    let live = true;
    const id = setTimeout(() => void loadFolding().then(() => live && setFoldingReady(true)), 0);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, []);

  const foldable = foldingReady && foldGroupsOf(doc).length > 0;

  // A freshly loaded document folds its repeated branches when, unfolded, the whole graph would not read on this canvas.
  const deciding = folds.kind === 'auto';
  useLayoutEffect(() => {
    if (folds.kind !== 'auto') return;
    const s = store.getState();
    const view = canvasSize() ?? estimatedCanvasSize(s.panels);
    if (!needsFolding(s.doc, view)) return s.setFolds([], view, false);
    let live = true;
    void loadFolding().then(() => {
      const now = store.getState();
      if (!live || now.folds !== folds) return;
      const collapsed = allFolds(now.doc);
      now.setFolds(collapsed, view, collapsed.length > 0);
      if (collapsed.length) requestAnimationFrame(() => commands.showStart());
    });
    return () => {
      live = false;
    };
  }, [folds, store, commands]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      let drag: Record<string, XY> | null = null;
      const commit: Record<string, XY> = {};
      let sel: Set<string> | null = null;
      let resized = false;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          const old = measured.get(c.id);
          if (old?.width !== c.dimensions.width || old?.height !== c.dimensions.height) {
            measured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
            resized = true;
          }
        } else if (c.type === 'position') {
          if (c.dragging && c.position) (drag ??= { ...dragRef.current })[c.id] = c.position;
          else if (c.position) commit[c.id] = c.position;
          else if (c.dragging === false && dragRef.current[c.id]) commit[c.id] = dragRef.current[c.id]!;
        } else if (c.type === 'select' && !isTerminal(c.id)) {
          sel ??= new Set(store.getState().selection);
          if (c.selected) sel.add(c.id);
          else sel.delete(c.id);
        }
      }
      if (drag) {
        dragRef.current = drag;
        setDragging(drag);
      }
      if (Object.keys(commit).length) {
        const st = store.getState();
        // Folded, the drawn places are the view's own: the document keeps its unfolded layout.
        if (drawnGraph(st.doc, st.folds).stacks.size) st.moveFolded(commit);
        else st.moveItems(commit);
        const rest = Object.fromEntries(Object.entries(dragRef.current).filter(([id]) => !(id in commit)));
        dragRef.current = rest;
        setDragging(rest);
      }
      if (sel) store.getState().select([...sel]);
      if (resized) setMeasureTick((t) => t + 1);
    },
    [store, measured],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let next: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        next ??= new Set(commands.selectedEdges.current);
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      if (next) {
        commands.selectedEdges.current = next;
        setSelectedEdges(next);
      }
    },
    [commands],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const r = store.getState().connect(c.source, c.target);
      if (!r.ok) store.getState().toast('error', r.reason);
    },
    [store],
  );

  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      const r = store.getState().reconnect(old.source, old.target, c.source, c.target);
      if (!r.ok) store.getState().toast('error', r.reason);
    },
    [store],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || state.toNode || !state.fromNode || isTerminal(state.fromNode.id)) return;
      const p = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const screen = { x: p.clientX, y: p.clientY };
      const fromSource = state.fromHandle?.type !== 'target';
      store.getState().openQuickAdd({
        screen,
        flow: rf.screenToFlowPosition(screen),
        ...(fromSource ? { connectFrom: state.fromNode.id } : { connectTo: state.fromNode.id }),
      });
    },
    [store, rf],
  );

  const onInit = useCallback(() => {
    commands.showStart();
  }, [commands]);

  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };
  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (file) {
      // A .got.json dropped from the desktop opens like File → Open.
      e.preventDefault();
      void file.text().then((text) => files.openText({ name: file.name, text, handle: null }));
      return;
    }
    const type = e.dataTransfer.getData(PALETTE_MIME) as OperationType;
    if (!(OPERATION_TYPES as readonly string[]).includes(type)) return;
    e.preventDefault();
    commands.addOperation(type, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };
  const onDoubleClick = (e: ReactMouseEvent) => {
    if (!(e.target as HTMLElement).classList.contains('react-flow__pane')) return;
    const screen = { x: e.clientX, y: e.clientY };
    store.getState().openQuickAdd({ screen, flow: rf.screenToFlowPosition(screen) });
  };

  // While deciding whether to fold a big graph (its code loading), its unfolded form is not flashed (an attribute: LevelOfDetail owns the class list).
  return (
    <div
      ref={canvasRef}
      className="canvas"
      data-deciding={deciding || undefined}
      data-testid="canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onDoubleClick={onDoubleClick}
      onMouseMove={(e) => (commands.pointer.current = { x: e.clientX, y: e.clientY })}
      onMouseLeave={() => (commands.pointer.current = null)}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onReconnect={onReconnect}
        onNodeClick={onNodeClick}
        onPaneContextMenu={(e) => openMenu(e, 'pane')}
        onSelectionContextMenu={(e) => openMenu(e, 'selection')}
        onNodeContextMenu={onNodeContextMenu}
        colorMode={theme}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        zoomOnDoubleClick={false}
        snapToGrid
        snapGrid={[10, 10]}
        minZoom={0.05}
        maxZoom={2.5}
        onInit={onInit}
        onlyRenderVisibleElements={doc.operations.length > VIRTUALIZE_ABOVE}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
        <LevelOfDetail target={canvasRef} />
        {showMinimap && !splitPane ? (
          <MiniMap pannable zoomable className="minimap" nodeColor={minimapColor} nodeStrokeWidth={2} style={{ width: 160, height: 100 }} />
        ) : null}
        <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS}>
          <HistoryButtons />
          {foldable ? (
            <ControlButton
              className={`fold-toggle${folded ? ' is-on' : ''}`}
              onClick={() => commands.toggleFolds()}
              aria-label={folded ? 'Unfold every repeated branch (Shift+F)' : 'Fold repeated branches into stacks (Shift+F)'}
              title={folded ? 'Unfold every repeated branch (Shift+F)' : 'Fold repeated branches into stacks (Shift+F)'}
              aria-pressed={folded}
              data-testid="toggle-folds"
            >
              ❐
            </ControlButton>
          ) : null}
          {splitPane ? null : (
            <ControlButton
              className={`minimap-toggle${showMinimap ? ' is-on' : ''}`}
              onClick={() => store.getState().togglePref('minimap')}
              aria-label={showMinimap ? 'Hide the minimap (Shift+M)' : 'Show the minimap (Shift+M)'}
              title={showMinimap ? 'Hide the minimap (Shift+M)' : 'Show the minimap (Shift+M)'}
              aria-pressed={showMinimap}
              data-testid="toggle-minimap"
            >
              ▣
            </ControlButton>
          )}
        </Controls>
      </ReactFlow>
      {menu ? <CanvasContextMenu at={menu} onClose={closeMenu} /> : null}
      {doc.operations.length === 0 ? (
        <div className="canvas-empty-hint" data-testid="canvas-empty-hint">
          <strong>An empty Graph of Operations</strong>
          <span>Drag an operation from the palette, double-click the canvas or press / to search one.</span>
          <span>Operations with no inputs start from the run’s Input; connect an output handle (right) to an input handle (left).</span>
        </div>
      ) : null}
    </div>
  );
}
