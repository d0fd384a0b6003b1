import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from './autoLayout';
import type { XY } from './graphEdits';

type Sizes = ReadonlyMap<string, { width: number; height: number }>;
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The space kept between a new operation and its neighbours. */
export const PLACE_GAP = { x: 60, y: 30 };

/** Every operation's and comment's box in flow coordinates. */
export function itemRects(doc: GotDocument, sizes: Sizes = new Map()): Rect[] {
  return [
    ...doc.operations.map((o) => ({ ...(o.position ?? { x: 0, y: 0 }), ...(sizes.get(o.id) ?? DEFAULT_NODE_SIZE) })),
    ...doc.comments.map((c) => ({ ...c.position, width: c.width ?? 220, height: c.height ?? 120 })),
  ];
}

/** Whether two boxes overlap once `gap` is kept around the first. */
export function overlaps(a: Rect, b: Rect, gap: XY = { x: 0, y: 0 }): boolean {
  return a.x - gap.x < b.x + b.width && b.x < a.x + a.width + gap.x && a.y - gap.y < b.y + b.height && b.y < a.y + a.height + gap.y;
}

/** The first spot at or below `from` (stepping down one node at a time) where a box of `size` touches nothing. */
export function freeSpotBelow(from: XY, size: { width: number; height: number }, taken: readonly Rect[]): XY {
  const step = size.height + PLACE_GAP.y;
  for (let y = from.y; ; y += step) {
    const box = { x: from.x, y, ...size };
    const hit = taken.find((r) => overlaps(box, r, { x: PLACE_GAP.x / 2, y: PLACE_GAP.y / 2 }));
    if (!hit) return { x: Math.round(from.x), y: Math.round(y) };
    // Jump past the box in the way rather than creep through it.
    y = Math.max(y, hit.y + hit.height + PLACE_GAP.y / 2) - step;
  }
}

/**
 * Where a clicked palette entry goes: right of the selected operation (level with it, or below
 * the nearest free spot), else around `fallback` (the middle of the view) in free space.
 */
export function placeNewOperation(doc: GotDocument, after: string | null, fallback: XY, sizes: Sizes = new Map()): XY {
  const taken = itemRects(doc, sizes);
  const size = DEFAULT_NODE_SIZE;
  const from = after ? doc.operations.find((o) => o.id === after) : undefined;
  if (from) {
    const p = from.position ?? { x: 0, y: 0 };
    const w = sizes.get(from.id)?.width ?? DEFAULT_NODE_SIZE.width;
    return freeSpotBelow({ x: p.x + w + PLACE_GAP.x, y: p.y }, size, taken);
  }
  return freeSpotBelow({ x: fallback.x - size.width / 2, y: fallback.y - size.height / 2 }, size, taken);
}
