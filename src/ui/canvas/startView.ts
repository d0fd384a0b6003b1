import type { Viewport } from '@xyflow/react';
import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from '../document/autoLayout';
import { READABLE_ZOOM, fitZoom, type ViewSize } from '../document/wrapLayout';
import { terminalPositions, TERMINAL_SIZE } from './terminalPositions';

type Sizes = ReadonlyMap<string, { width: number; height: number }>;
/** Space kept at the top-left when a graph starts from its input (the top edge has the view switch). */
const MARGIN = { left: 24, top: 56 };

/** The box around every operation, comment and the input/output nodes, in flow coordinates. */
export function graphBounds(doc: GotDocument, sizes: Sizes = new Map()): { x: number; y: number; width: number; height: number } {
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

/**
 * Where a freshly opened graph is shown: whole and centred when it fits at a readable zoom (never
 * above 100 %); otherwise at the readable zoom from its start (the input), the minimap showing the rest.
 */
export function startViewport(doc: GotDocument, view: ViewSize, sizes: Sizes = new Map()): Viewport {
  const b = graphBounds(doc, sizes);
  const fit = fitZoom(b.width, b.height, view);
  const zoom = Math.max(fit, READABLE_ZOOM);
  const centre = (span: number, size: number, from: number) => (size - span * zoom) / 2 - from * zoom;
  const fits = (span: number, size: number, margin: number) => fit >= READABLE_ZOOM || span * zoom <= size - 2 * margin;
  const x = fits(b.width, view.width, MARGIN.left) ? centre(b.width, view.width, b.x) : MARGIN.left - b.x * zoom;
  const y = fits(b.height, view.height, MARGIN.top) ? centre(b.height, view.height, b.y) : MARGIN.top - b.y * zoom;
  return { x: Math.round(x), y: Math.round(y), zoom };
}

/** The canvas element's size on screen, if it is mounted. */
export function canvasSize(): ViewSize | null {
  const rect = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
  return rect && rect.width > 0 && rect.height > 0 ? { width: rect.width, height: rect.height } : null;
}
