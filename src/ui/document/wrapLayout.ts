import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from './autoLayout';
import type { XY } from './graphEdits';

/** Width and height of the canvas on screen, in pixels. */
export interface ViewSize {
  width: number;
  height: number;
}

type Sizes = ReadonlyMap<string, { width: number; height: number }>;

/** The zoom below which node text is too small to read (13 px type becomes ~8 px). */
export const READABLE_ZOOM = 0.6;
/** Room kept for the input node (left of the first row) and the final-thoughts node (right of the last row). */
export const TERMINAL_ROOM = { left: 200, right: 260 };
/** Vertical space between wrapped rows; the edges that wrap run through it. */
export const ROW_GAP = 110;
const PADDING = 0.08;

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The zoom at which a graph of `width` × `height` flow pixels fits `view` (padding included, never above 1). */
export function fitZoom(width: number, height: number, view: ViewSize): number {
  const usable = 1 - 2 * PADDING;
  return Math.min(1, (view.width * usable) / Math.max(1, width), (view.height * usable) / Math.max(1, height));
}

/** Groups boxes into columns: a box starts a new column when it begins right of the current column's first box by more than half a node. */
function columnsOf(boxes: Box[]): Box[][] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
  const cols: Box[][] = [];
  for (const b of sorted) {
    const col = cols[cols.length - 1];
    if (col && b.x - col[0]!.x < DEFAULT_NODE_SIZE.width / 2) col.push(b);
    else cols.push([b]);
  }
  return cols;
}

/** Rows of `perRow` columns each, laid out top to bottom; returns positions and the overall size, input and output nodes included. */
function rowsOf(cols: Box[][], perRow: number): { positions: Record<string, XY>; width: number; height: number } {
  const positions: Record<string, XY> = {};
  let top = 0;
  let width = 0;
  let last = 0;
  for (let start = 0; start < cols.length; start += perRow) {
    const row = cols.slice(start, start + perRow).flat();
    const left = Math.min(...row.map((b) => b.x));
    const minY = Math.min(...row.map((b) => b.y));
    const maxY = Math.max(...row.map((b) => b.y + b.h));
    for (const b of row) positions[b.id] = { x: Math.round(b.x - left), y: Math.round(b.y - minY + top) };
    last = Math.max(...row.map((b) => b.x + b.w)) - left;
    width = Math.max(width, last);
    top += maxY - minY + ROW_GAP;
  }
  return { positions, width: TERMINAL_ROOM.left + Math.max(width, last + TERMINAL_ROOM.right), height: top - ROW_GAP };
}

/**
 * Cuts a left-to-right layout into rows stacked like lines of text when that shows the graph
 * larger in `view`; long chains (a GoT or ToT scheme) otherwise fit only at an unreadable zoom.
 * Returns null when the layout already fits readably or wrapping does not help.
 */
export function wrapIntoRows(positions: Readonly<Record<string, XY>>, view: ViewSize, sizes: Sizes = new Map()): Record<string, XY> | null {
  const boxes: Box[] = Object.entries(positions).map(([id, p]) => ({ id, x: p.x, y: p.y, ...wh(sizes, id) }));
  if (boxes.length < 2) return null;
  const cols = columnsOf(boxes);
  const flat = rowsOf(cols, cols.length);
  const unwrapped = fitZoom(flat.width, flat.height, view);
  if (unwrapped >= READABLE_ZOOM) return null;
  let best = { zoom: unwrapped, positions: null as Record<string, XY> | null };
  for (let perRow = cols.length - 1; perRow >= 1; perRow--) {
    const r = rowsOf(cols, perRow);
    const zoom = fitZoom(r.width, r.height, view);
    // The longest rows that read whole win (fewest wrapping edges); else the largest zoom.
    if (zoom >= READABLE_ZOOM) return r.positions;
    if (zoom > best.zoom + 1e-6) best = { zoom, positions: r.positions };
  }
  return best.positions;
}

function wh(sizes: Sizes, id: string): { w: number; h: number } {
  const s = sizes.get(id) ?? DEFAULT_NODE_SIZE;
  return { w: s.width, h: s.height };
}

/** The document's operation positions, wrapped into rows for `view` when that reads better (examples open this way). */
export function wrapDocumentForView(doc: GotDocument, view: ViewSize, sizes: Sizes = new Map()): GotDocument {
  const positions = Object.fromEntries(doc.operations.map((o) => [o.id, o.position ?? { x: 0, y: 0 }]));
  const wrapped = wrapIntoRows(positions, view, sizes);
  if (!wrapped) return doc;
  return { ...doc, operations: doc.operations.map((o) => ({ ...o, position: wrapped[o.id] ?? o.position })) };
}

/** The canvas size before it is on screen: the window minus the top bar and the side panels. */
export function estimatedCanvasSize(panels: { left: number; right: number }): ViewSize {
  return { width: Math.max(320, window.innerWidth - panels.left - panels.right - 8), height: Math.max(240, window.innerHeight - 48) };
}
