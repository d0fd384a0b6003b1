import type { Viewport } from '@xyflow/react';
import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from '../document/autoLayout';
import { LEGIBLE_ZOOM } from '../document/legibility';
import { COMFORT_ZOOM, type ViewSize } from '../document/wrapLayout';
import { terminalPositions, TERMINAL_SIZE } from './terminalPositions';

type Sizes = ReadonlyMap<string, { width: number; height: number }>;
type Rect = { x: number; y: number; width: number; height: number };

/** What is drawn over the canvas and must not hide a node on open: the view switch on top, the zoom controls bottom-left, the minimap bottom-right. */
export interface CanvasOverlays {
  top: number;
  left: number;
  minimap: { width: number; height: number } | null;
}

/** The editor's overlays: React Flow's panels sit 15 px from the edges. */
export const EDITOR_OVERLAYS: CanvasOverlays = { top: 52, left: 52, minimap: { width: 160 + 24, height: 100 + 24 } };
const EDGE = 12;

/** The box around every operation, comment and the input/output nodes, in flow coordinates. */
export function graphBounds(doc: GotDocument, sizes: Sizes = new Map()): Rect {
  const t = terminalPositions(doc);
  const boxes = [
    { ...t.input, ...TERMINAL_SIZE },
    { ...t.output, ...TERMINAL_SIZE },
    ...doc.operations.map((o) => ({ ...(o.position ?? { x: 0, y: 0 }), ...(sizes.get(o.id) ?? DEFAULT_NODE_SIZE) })),
    ...doc.comments.map((c) => ({ ...c.position, width: c.width ?? 220, height: c.height ?? 120 })),
  ];
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/** The screen rectangles the graph may use: beside the minimap, or above it (whichever shows the graph larger). */
function clearAreas(view: ViewSize, o: CanvasOverlays): Rect[] {
  const full = { x: o.left, y: o.top, width: view.width - o.left - EDGE, height: view.height - o.top - EDGE };
  if (!o.minimap) return [full];
  return [
    { ...full, width: full.width - o.minimap.width },
    { ...full, height: full.height - o.minimap.height },
  ];
}

/**
 * What to show when the whole graph only fits with titles too small to read: still the whole graph
 * (the Operations view on open), or a readable part of it from its input (a small pane, as in Split).
 */
export type StartFallback = 'whole' | 'readable';

/**
 * Where a freshly opened graph is shown: whole, as large as fits (never above 100 %), centred in the
 * part of the canvas that no overlay covers; with `readable`, a graph too big for legible titles
 * is shown from its input at a zoom where titles read.
 */
export function startViewport(doc: GotDocument, view: ViewSize, sizes: Sizes = new Map(), overlays: CanvasOverlays = EDITOR_OVERLAYS, fallback: StartFallback = 'whole'): Viewport {
  const b = graphBounds(doc, sizes);
  let best: { zoom: number; area: Rect } | null = null;
  for (const area of clearAreas(view, overlays)) {
    const zoom = Math.min(1, area.width / Math.max(1, b.width), area.height / Math.max(1, b.height));
    if (!best || zoom > best.zoom) best = { zoom, area };
  }
  const { area } = best!;
  const zoom = fallback === 'readable' && best!.zoom < LEGIBLE_ZOOM ? COMFORT_ZOOM : best!.zoom;
  const place = (from: number, span: number, size: number, start: number) => (span * zoom <= size ? from + (size - span * zoom) / 2 - start * zoom : from - start * zoom);
  const x = place(area.x, b.width, area.width, b.x);
  const y = place(area.y, b.height, area.height, b.y);
  return { x: Math.round(x), y: Math.round(y), zoom: Math.max(0.05, zoom) };
}

/** The canvas element's size on screen, if it is mounted. */
export function canvasSize(): ViewSize | null {
  const rect = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  return rect && rect.width > 0 && rect.height > 0 ? { width: rect.width, height: rect.height } : null;
}
