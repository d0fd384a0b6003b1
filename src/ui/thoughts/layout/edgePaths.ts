import { CARD_GAP, CARD_HEIGHT, CARD_WIDTH, STACK_HEIGHT, stackId, type LaneItem, type LaneLayout, type Point } from './laneLayout';

/** How an edge is drawn: a class of `.grs-edge` (plain, on the selection's path, to a pruned stack…). */
export type EdgeStyle = 'plain' | 'pending' | 'to-stack' | 'on-path' | 'on-lineage' | 'faded' | 'to-final';

/** One SVG path holding the edges of one style into one band of one column's cards (small paths let the browser skip those off screen). */
export interface EdgePath {
  key: string;
  style: EdgeStyle;
  d: string;
}

/** An edge from a parent card to a card (or a lane's stack, for a folded thought), by their ids. */
export interface EdgeEnds {
  from: string;
  to: string;
  /** The thought or call the edge leads to (the stack's member for a folded one). */
  item: LaneItem;
  toStack: boolean;
}

/** Every edge to draw, once per (parent, target): a folded thought's edges go to its lane's stack. */
export function edgeEnds(items: readonly LaneItem[], layout: Pick<LaneLayout, 'folded'>): EdgeEnds[] {
  const seen = new Set<string>();
  const out: EdgeEnds[] = [];
  for (const item of items) {
    const foldedIn = layout.folded.get(item.id);
    const to = foldedIn ? stackId(foldedIn) : item.id;
    for (const from of item.parents) {
      if (layout.folded.has(from)) continue;
      const id = `${from}>${to}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ from, to, item, toStack: Boolean(foldedIn) });
    }
  }
  return out;
}

/** The height (layout units) of the bands edges are grouped by: 16 cards. */
const BAND = 16 * (CARD_HEIGHT + CARD_GAP);

/** A smooth curve from a card's right edge to the next card's left edge, by whole layout units. */
function curve(x1: number, y1: number, x2: number, y2: number): string {
  const bend = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M${x1} ${y1}C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
}

/**
 * The edges as a few SVG paths in layout units (one per style and band of target cards), drawn in one layer
 * under the cards instead of one React Flow edge component each: thousands of edges cost a handful of
 * DOM elements, and a pan moves them with the viewport without re-rendering anything.
 */
export function edgePaths(ends: readonly EdgeEnds[], layout: Pick<LaneLayout, 'cards' | 'lanes'>, styleOf: (e: EdgeEnds) => EdgeStyle): EdgePath[] {
  const stacks = new Map<string, Point>();
  for (const lane of layout.lanes) if (lane.stack) stacks.set(stackId(lane.opId), lane.stack);
  const paths = new Map<string, EdgePath>();
  for (const e of ends) {
    const from = layout.cards.get(e.from);
    const stack = e.toStack ? stacks.get(e.to) : undefined;
    const card = e.toStack ? undefined : layout.cards.get(e.to);
    const to = stack ?? card;
    if (!from || !to) continue;
    const style = styleOf(e);
    const key = `${style}:${to.x}:${Math.floor(to.y / BAND)}`;
    let path = paths.get(key);
    if (!path) paths.set(key, (path = { key, style, d: '' }));
    path.d += curve(from.x + CARD_WIDTH, from.y + CARD_HEIGHT / 2, to.x, to.y + (stack ? STACK_HEIGHT : CARD_HEIGHT) / 2);
  }
  return [...paths.values()];
}
