import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { OperationType } from '../../engine/index';
import { CLIPBOARD_FORMAT, copyItems, parseClipboard, type ClipboardPayload } from '../document/clipboard';
import { readDocument } from '../files/readDocument';
import { layoutPositions } from '../document/autoLayout';
import { placeNewOperation } from '../document/placement';
import { wrapIntoRows } from '../document/wrapLayout';
import { canvasSize, EDITOR_OVERLAYS, startViewport, type CanvasOverlays, type StartFallback } from './startView';
import { drawnGraph, foldGroupsOf } from './drawnGraph';
import { groupKey } from '../document/foldKey';
import { useAppStoreApi } from '../store/StoreProvider';
import type { AppStore } from '../store/createAppStore';

/** Everything the keyboard, menus and palette can do to the canvas. */
export interface EditorCommands {
  /** Last pointer position over the canvas, in screen pixels (null when outside). */
  pointer: { current: { x: number; y: number } | null };
  /** Selected edges (`from->to`), kept by the canvas. */
  selectedEdges: { current: ReadonlySet<string> };
  /** Adds an operation at a dropped point; without one, in free space right of the selected operation (connected to it when allowed) or mid-view. */
  addOperation: (type: OperationType, at?: { x: number; y: number }) => string;
  addComment: () => void;
  deleteSelection: () => void;
  duplicateSelection: () => void;
  /** The selection as clipboard text, or null when nothing is selected. */
  copySelection: () => string | null;
  /** Pastes clipboard text (a copied selection or a whole graph file); returns false when it is neither. */
  pasteText: (text: string) => boolean;
  selectAll: () => void;
  undo: () => void;
  redo: () => void;
  fitView: () => void;
  /** Shows a freshly opened graph: whole when readable, else from its input at a readable zoom. */
  showStart: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  autoLayout: () => Promise<void>;
  openQuickAdd: () => void;
  /** Selects an operation and brings it to the middle of the canvas. */
  focusOperation: (id: string) => void;
  /** Unfolds every folded branch, or folds every repeated branch when none is folded. */
  toggleFolds: () => void;
  /** Unfolds (or folds again) the repeated branch whose first operation is `lead`. */
  setStackFolded: (lead: string, folded: boolean) => void;
}

/** Fit view shows the whole graph but never blows a small one up past 100 %. */
export const FIT_OPTIONS = { padding: 0.15, maxZoom: 1, duration: 200 } as const;

const Ctx = createContext<EditorCommands | null>(null);

/** A whole `.got.json` pasted onto the canvas adds its operations; it never replaces the open graph. */
function documentAsPayload(text: string): ClipboardPayload | null {
  if (!text.trimStart().startsWith('{')) return null;
  const r = readDocument(text);
  return r.ok ? { format: CLIPBOARD_FORMAT, operations: r.doc.operations, comments: r.doc.comments } : null;
}

/** Flow-space point at the pointer, or the visible centre. */
function anchor(rf: ReturnType<typeof useReactFlow>, pointer: { x: number; y: number } | null): { x: number; y: number } {
  const el = document.querySelector('[data-testid="canvas"] .react-flow');
  const rect = el?.getBoundingClientRect();
  const screen = pointer ?? (rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 });
  return rf.screenToFlowPosition(screen);
}

/** Zooms by `factor` keeping the point under the pointer (or the canvas centre) in place, like Figma. */
function zoomBy(rf: ReturnType<typeof useReactFlow>, pointer: { x: number; y: number } | null, factor: number): void {
  const rect = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  if (!rect) return;
  const { x, y, zoom } = rf.getViewport();
  const next = Math.min(2.5, Math.max(0.05, zoom * factor));
  const ax = (pointer ? pointer.x : rect.left + rect.width / 2) - rect.left;
  const ay = (pointer ? pointer.y : rect.top + rect.height / 2) - rect.top;
  void rf.setViewport({ x: ax - ((ax - x) * next) / zoom, y: ay - ((ay - y) * next) / zoom, zoom: next });
}

/** What covers the canvas now: the minimap only while it is shown (never in the Split view's short pane). */
const overlaysOf = (store: AppStore): CanvasOverlays => {
  const s = store.getState();
  return { ...EDITOR_OVERLAYS, minimap: s.prefs.minimap && s.runUi.view !== 'split' ? EDITOR_OVERLAYS.minimap : null };
};

/** The node sizes React Flow measured. */
function measuredSizes(rf: ReturnType<typeof useReactFlow>): Map<string, { width: number; height: number }> {
  return new Map(rf.getNodes().flatMap((n) => (n.measured?.width && n.measured.height ? [[n.id, { width: n.measured.width, height: n.measured.height }] as const] : [])));
}

/** Pans (keeping the zoom) just enough that a node placed at `p` is on screen, so the rest of the graph moves as little as possible. */
function revealNode(rf: ReturnType<typeof useReactFlow>, p: { x: number; y: number }): void {
  const rect = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  if (!rect) return;
  const { x, y, zoom } = rf.getViewport();
  const margin = 40;
  const shift = (from: number, size: number, room: number) => (from < margin ? margin - from : from + size > room - margin ? room - margin - from - size : 0);
  const dx = shift(p.x * zoom + x, 220 * zoom, rect.width);
  const dy = shift(p.y * zoom + y, 96 * zoom, rect.height);
  if (dx || dy) void rf.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
}

/** Applies the start view for the store's document to the canvas (see StartFallback for a graph too big to read whole). */
export function showStart(store: AppStore, rf: ReturnType<typeof useReactFlow>, fallback: StartFallback = 'whole'): void {
  const view = canvasSize();
  if (!view) return;
  const s = store.getState();
  void rf.setViewport(startViewport(drawnGraph(s.doc, s.folds).doc, view, measuredSizes(rf), overlaysOf(store), fallback));
}

function build(store: AppStore, rf: ReturnType<typeof useReactFlow>, pointer: EditorCommands['pointer'], selectedEdges: EditorCommands['selectedEdges']): EditorCommands {
  const s = store.getState;
  let pasteCount = 0;
  return {
    pointer,
    selectedEdges,
    addOperation: (type, at) => {
      if (at) return s().addOperation(type, { x: at.x - 110, y: at.y - 40 });
      const sel = s().selection;
      const after = sel.length === 1 && s().doc.operations.some((o) => o.id === sel[0]) ? sel[0]! : null;
      const sizes = measuredSizes(rf);
      const p = placeNewOperation(s().doc, after, anchor(rf, null), sizes);
      const id = s().addOperation(type, p);
      // A refused edge (a cycle, a duplicate) just leaves the new operation unconnected.
      if (after) s().connect(after, id);
      revealNode(rf, p);
      return id;
    },
    addComment: () => {
      const p = anchor(rf, pointer.current);
      s().addComment({ x: p.x - 110, y: p.y - 60 });
    },
    deleteSelection: () => {
      const edges = [...selectedEdges.current];
      if (s().selection.length) s().deleteItems(s().selection);
      for (const e of edges) {
        const [from, to] = e.split('->');
        if (from && to) s().disconnect(from, to);
      }
    },
    duplicateSelection: () => void s().duplicateItems(s().selection),
    copySelection: () => {
      if (!s().selection.length) return null;
      pasteCount = 0;
      return JSON.stringify(copyItems(s().doc, s().selection));
    },
    pasteText: (text) => {
      const payload = parseClipboard(text) ?? documentAsPayload(text);
      if (!payload) return false;
      const xs = [...payload.operations.map((o) => o.position ?? { x: 0, y: 0 }), ...payload.comments.map((c) => c.position)];
      pasteCount += 1;
      const target = pointer.current ? anchor(rf, pointer.current) : null;
      const minX = Math.min(...xs.map((p) => p.x));
      const minY = Math.min(...xs.map((p) => p.y));
      const offset = target && xs.length ? { x: target.x - minX, y: target.y - minY } : { x: 40 * pasteCount, y: 40 * pasteCount };
      s().paste(payload, offset);
      return true;
    },
    selectAll: () => s().selectAll(),
    undo: () => store.temporal.getState().undo(),
    redo: () => store.temporal.getState().redo(),
    fitView: () => void rf.fitView(FIT_OPTIONS),
    showStart: () => showStart(store, rf),
    zoomIn: () => zoomBy(rf, pointer.current, 1.25),
    zoomOut: () => zoomBy(rf, pointer.current, 1 / 1.25),
    autoLayout: async () => {
      const sizes = new Map(rf.getNodes().map((n) => [n.id, { width: n.measured?.width ?? 220, height: n.measured?.height ?? 96 }]));
      const positions = await layoutPositions(s().doc, sizes);
      // Folded, the drawn layout is computed: laying out again drops the places dragged in this view.
      const f = s().folds;
      if (f.kind === 'chosen' && f.collapsed.length) s().setFolds(f.collapsed, f.view);
      // A long chain laid out in one line fits only unreadably small: wrap it into rows.
      const view = canvasSize();
      s().moveItems((view && wrapIntoRows(positions, view, sizes)) || positions);
      const vp = view ? startViewport(drawnGraph(s().doc, s().folds).doc, view, sizes, overlaysOf(store)) : null;
      if (vp) void rf.setViewport(vp, { duration: 200 });
    },
    // Folding's code loads with the first fold.
    toggleFolds: () => void import('./foldCommands').then((m) => m.toggleFolds(store, rf)),
    setStackFolded: (lead, folded) => void import('./foldCommands').then((m) => m.setStackFolded(store, rf, lead, folded)),
    focusOperation: (id) => {
      // An operation folded into a stack is unfolded first, so it can be shown.
      const lead = drawnGraph(s().doc, s().folds).leadOf.get(id);
      if (lead) {
        const g = foldGroupsOf(s().doc).find((x) => x.lead === lead);
        const f = s().folds;
        if (g && f.kind === 'chosen') s().setFolds(f.collapsed.filter((k) => k !== groupKey(g)), f.view);
      }
      s().select([id]);
      const node = rf.getNode(id);
      if (node) void rf.setCenter(node.position.x + (node.measured?.width ?? 220) / 2, node.position.y + (node.measured?.height ?? 96) / 2, { zoom: Math.max(rf.getZoom(), 0.8), duration: 250 });
    },
    openQuickAdd: () => {
      const el = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
      const screen = pointer.current ?? (el ? { x: el.left + el.width / 2 - 160, y: el.top + 80 } : { x: 400, y: 200 });
      s().openQuickAdd({ screen, flow: rf.screenToFlowPosition(screen) });
    },
  };
}

/** Provides the editor commands; must sit inside ReactFlowProvider and StoreProvider. */
export function EditorCommandsProvider({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const rf = useReactFlow();
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const selectedEdges = useRef<ReadonlySet<string>>(new Set());
  const commands = useMemo(() => build(store, rf, pointer, selectedEdges), [store, rf]);
  return <Ctx.Provider value={commands}>{children}</Ctx.Provider>;
}

/** The editor commands of the surrounding provider. */
export function useEditorCommands(): EditorCommands {
  const c = useContext(Ctx);
  if (!c) throw new Error('useEditorCommands must be used inside <EditorCommandsProvider>');
  return c;
}
