import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from './autoLayout';
import type { XY } from './graphEdits';
import { FAR_TITLE } from './legibility';

/** Width and height of the canvas on screen, in pixels. */
export interface ViewSize {
  width: number;
  height: number;
}

type Sizes = ReadonlyMap<string, { width: number; height: number }>;

/** Down to this zoom far titles keep their full on-screen size: a layout that fits here needs no more rows. */
export const COMFORT_ZOOM = FAR_TITLE.screen / FAR_TITLE.maxFlow;
/** Room kept for the input node (left of the first row) and the final-thoughts node (right of the last row). */
export const TERMINAL_ROOM = { left: 200, right: 300 };
/** Vertical space between wrapped rows; the edges that wrap run through it. */
export const ROW_GAP = 80;
/** The least space between two operations stacked in one column. */
const LANE_GAP = 34;
const PADDING = 0.06;

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Column {
  boxes: Box[];
  left: number;
  right: number;
}

/** The zoom at which a graph of `width` × `height` flow pixels fits `view` (padding included, never above 1). */
export function fitZoom(width: number, height: number, view: ViewSize): number {
  const usable = 1 - 2 * PADDING;
  return Math.min(1, (view.width * usable) / Math.max(1, width), (view.height * usable) / Math.max(1, height));
}

/** Groups boxes into columns: a box starts a new column when it begins right of the current column's first box by more than half a node. */
function columnsOf(boxes: Box[]): Column[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
  const cols: Column[] = [];
  for (const b of sorted) {
    const col = cols[cols.length - 1];
    if (col && b.x - col.boxes[0]!.x < DEFAULT_NODE_SIZE.width / 2) {
      col.boxes.push(b);
      col.right = Math.max(col.right, b.x + b.w);
    } else cols.push({ boxes: [b], left: b.x, right: b.x + b.w });
  }
  return cols;
}

/**
 * New y offsets for the boxes of one row: the distinct heights keep their order, and any gap wider
 * than a node plus LANE_GAP shrinks to that, so lanes emptied by wrapping do not leave holes.
 */
function squeezeLanes(row: Box[]): Map<number, number> {
  const ys = [...new Set(row.map((b) => b.y))].sort((a, b) => a - b);
  const pitch = Math.max(...row.map((b) => b.h)) + LANE_GAP;
  const at = new Map<number, number>();
  let y = 0;
  ys.forEach((v, i) => {
    if (i) y += Math.min(v - ys[i - 1]!, pitch);
    at.set(v, y);
  });
  return at;
}

interface Rows {
  positions: Record<string, XY>;
  rows: number;
  width: number;
  height: number;
}

/** Columns packed into rows at most `maxWidth` wide, top to bottom; sizes include the input and output nodes. */
function packRows(cols: Column[], maxWidth: number): Rows {
  const positions: Record<string, XY> = {};
  let top = 0;
  let width = 0;
  let lastWidth = 0;
  let rows = 0;
  for (let start = 0; start < cols.length; ) {
    let end = start + 1;
    while (end < cols.length && cols[end]!.right - cols[start]!.left <= maxWidth) end++;
    const row = cols.slice(start, end).flatMap((c) => c.boxes);
    const left = cols[start]!.left;
    const lanes = squeezeLanes(row);
    for (const b of row) positions[b.id] = { x: Math.round(b.x - left), y: Math.round(lanes.get(b.y)! + top) };
    lastWidth = cols[end - 1]!.right - left;
    width = Math.max(width, lastWidth);
    top += Math.max(...row.map((b) => lanes.get(b.y)! + b.h)) + ROW_GAP;
    rows++;
    start = end;
  }
  return { positions, rows, width: TERMINAL_ROOM.left + Math.max(width, lastWidth + TERMINAL_ROOM.right), height: top - ROW_GAP };
}

/**
 * Cuts a left-to-right layout into rows stacked like lines of text when that shows the graph
 * larger in `view`: the fewest rows that still fit at COMFORT_ZOOM, else the rows that fit largest.
 * Returns null when the layout is best left as it is.
 */
export function wrapIntoRows(positions: Readonly<Record<string, XY>>, view: ViewSize, sizes: Sizes = new Map()): Record<string, XY> | null {
  const boxes: Box[] = Object.entries(positions).map(([id, p]) => ({ id, x: p.x, y: p.y, ...wh(sizes, id) }));
  if (boxes.length < 2) return null;
  const cols = columnsOf(boxes);
  const flat = packRows(cols, Infinity);
  const unwrapped = fitZoom(flat.width, flat.height, view);
  if (unwrapped >= COMFORT_ZOOM) return null;
  const widths = new Set<number>();
  for (let i = 0; i < cols.length; i++) for (let j = i; j < cols.length; j++) widths.add(cols[j]!.right - cols[i]!.left);
  let best: { zoom: number; layout: Rows } | null = null;
  for (const w of [...widths].sort((a, b) => b - a)) {
    const layout = packRows(cols, w);
    const zoom = fitZoom(layout.width, layout.height, view);
    const better = !best || (best.zoom < COMFORT_ZOOM ? zoom > best.zoom + 1e-6 : zoom >= COMFORT_ZOOM && layout.rows < best.layout.rows);
    if (better) best = { zoom, layout };
  }
  return best && best.zoom > unwrapped + 1e-6 ? best.layout.positions : null;
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
