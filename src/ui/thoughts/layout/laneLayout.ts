/** Card and lane geometry (layout units; cards have a fixed size so the layout needs no measuring). */
export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 128;
export const CARD_GAP = 8;
export const STACK_HEIGHT = 40;
export const LANE_PAD = 8;
export const LANE_HEADER = 40;
export const LANE_WIDTH = CARD_WIDTH + 2 * LANE_PAD;
export const LANE_GAP = 16;
export const COLUMN_GAP = 72;
/** How far a lane's head reaches past its lane into the gap after it (thoughts.css .grs-lane-head): the last column's counts in the graph's width, so a fit shows it. */
export const LANE_HEAD_OVERHANG = 64;

/** The lane id of the run's input thought (it has no operation). */
export const INPUT_LANE = '__input';

/** A vertex to place: a thought, or a call still streaming or failed (placed where its thoughts will appear). */
export interface LaneItem {
  id: string;
  /** The operation that made it, or null for the input. */
  opId: string | null;
  parents: readonly string[];
  /** Pruned by a filter (KeepBestN, KeepValid, Selector): folded into its lane's stack unless it leads to a kept thought. */
  pruned: boolean;
  /** A call that has no thought yet (drawn after the lane's thoughts). */
  transient?: boolean;
}

export interface Point {
  x: number;
  y: number;
}

/** One operation's lane: a box with a header, its thoughts stacked inside. */
export interface LaneBox {
  opId: string;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Thoughts folded into its "not kept" stack (0: no stack). */
  folded: number;
  /** Whether the stack is open (its pruned cards are shown below it). */
  open: boolean;
  /** Where the stack sits, when there is one. */
  stack: Point | null;
}

export interface LaneLayout {
  lanes: LaneBox[];
  /** Top-left of every card shown. */
  cards: Map<string, Point>;
  /** For a thought folded away: the lane whose stack holds it. */
  folded: Map<string, string>;
  /** For every thought in a stack, open or folded: its lane. */
  stacked: Map<string, string>;
  width: number;
  height: number;
}

/**
 * Thoughts kept on view: not pruned, or pruned but an ancestor of a kept thought (a merge a refinement
 * then beat still leads to the final thought). Items are in creation order, so children come after parents.
 */
export function keptIds(items: readonly LaneItem[]): Set<string> {
  const kept = new Set<string>();
  for (let i = items.length - 1; i >= 0; i -= 1) {
    const item = items[i] as LaneItem;
    if (!item.pruned || kept.has(item.id)) {
      kept.add(item.id);
      for (const p of item.parents) kept.add(p);
    }
  }
  return kept;
}

/** One lane's members, in creation order: thoughts kept on view, calls still streaming (or failed), pruned thoughts. */
export interface LaneMembers {
  shown: string[];
  calls: string[];
  hidden: string[];
}

/** Places one lane's cards from `top` (into `cards`): kept thoughts, calls, then its stack and, when open, its pruned thoughts. */
export function placeLane(laneId: string, col: number, top: number, m: LaneMembers, isOpen: boolean, cards: Map<string, Point>): LaneBox {
  const x = col * (LANE_WIDTH + COLUMN_GAP);
  let y = top + LANE_HEADER;
  const put = (id: string) => {
    cards.set(id, { x: x + LANE_PAD, y });
    y += CARD_HEIGHT + CARD_GAP;
  };
  m.shown.forEach(put);
  m.calls.forEach(put);
  let stack: Point | null = null;
  if (m.hidden.length) {
    stack = { x: x + LANE_PAD, y };
    y += STACK_HEIGHT + CARD_GAP;
    if (isOpen) m.hidden.forEach(put);
  }
  const height = y - top - CARD_GAP + LANE_PAD;
  return { opId: laneId, column: col, x, y: top, width: LANE_WIDTH, height, folded: m.hidden.length, open: isOpen, stack };
}

/** The lane an item goes in. */
export const laneOf = (item: LaneItem): string => item.opId ?? INPUT_LANE;

/** Each lane's items in arrival order: kept thoughts shown, calls still running, and thoughts not kept. */
export function laneMembers(items: readonly LaneItem[], kept: ReadonlySet<string>): Map<string, LaneMembers> {
  const members = new Map<string, LaneMembers>();
  for (const item of items) {
    const lane = laneOf(item);
    let m = members.get(lane);
    if (!m) members.set(lane, (m = { shown: [], calls: [], hidden: [] }));
    if (item.transient) m.calls.push(item.id);
    else if (kept.has(item.id)) m.shown.push(item.id);
    else m.hidden.push(item.id);
  }
  return members;
}

/**
 * A lane's column: one past the furthest lane its items' parents sit in (items come parents first).
 * Updates `column` for one item and returns the lane's column after it.
 */
export function columnAfter(item: LaneItem, itemLane: ReadonlyMap<string, string>, column: Map<string, number>): number {
  const lane = laneOf(item);
  let col = column.get(lane) ?? (lane === INPUT_LANE ? 0 : 1);
  for (const p of item.parents) {
    const pl = itemLane.get(p);
    if (pl === undefined || pl === lane) continue;
    col = Math.max(col, (column.get(pl) ?? 0) + 1);
  }
  column.set(lane, col);
  return col;
}

/** Lanes in columns, and in run order (`opOrder`) within a column. */
export function sortLanes(laneIds: Iterable<string>, column: ReadonlyMap<string, number>, opOrder: readonly string[]): string[] {
  const runIndex = new Map(opOrder.map((id, i) => [id, i]));
  return [...laneIds].sort((a, b) => (column.get(a) ?? 0) - (column.get(b) ?? 0) || (runIndex.get(a) ?? -1) - (runIndex.get(b) ?? -1));
}

/** Stacks lanes column by column from the top, placing their cards; returns the boxes in the order given. */
export function stackLanes(
  laneIds: readonly string[],
  column: ReadonlyMap<string, number>,
  members: ReadonlyMap<string, LaneMembers>,
  open: ReadonlySet<string> | 'all',
  cards: Map<string, Point>,
): { lanes: LaneBox[]; width: number; height: number } {
  const lanes: LaneBox[] = [];
  const columnBottom = new Map<number, number>();
  let width = 0;
  let height = 0;
  for (const laneId of laneIds) {
    const col = column.get(laneId) ?? 0;
    const top = columnBottom.get(col) ?? 0;
    const box = placeLane(laneId, col, top, members.get(laneId) ?? { shown: [], calls: [], hidden: [] }, open === 'all' || open.has(laneId), cards);
    lanes.push(box);
    columnBottom.set(col, top + box.height + LANE_GAP);
    width = Math.max(width, box.x + LANE_WIDTH + LANE_HEAD_OVERHANG);
    height = Math.max(height, top + box.height);
  }
  return { lanes, width, height };
}

/**
 * Lays a GRS out by operation: one lane per operation that made thoughts, lanes in columns by how many
 * thought-making operations lead to them (the input in column 0), lanes of one column in run order
 * (`opOrder`). Pruned thoughts that lead nowhere fold into one stack per lane unless the lane is in
 * `open` (or `open` is 'all'). One pass, linear in the items; a live run uses the incremental
 * layouter (incrementalLaneLayout.ts), which gives the same result.
 */
export function laneLayout(items: readonly LaneItem[], opOrder: readonly string[], open: ReadonlySet<string> | 'all'): LaneLayout {
  const itemLane = new Map<string, string>();
  for (const item of items) itemLane.set(item.id, laneOf(item));
  const column = new Map<string, number>([[INPUT_LANE, 0]]);
  const kept = keptIds(items);
  for (const item of items) columnAfter(item, itemLane, column);
  const members = laneMembers(items, kept);
  const folded = new Map<string, string>();
  const stacked = new Map<string, string>();
  for (const [lane, m] of members) {
    const isOpen = open === 'all' || open.has(lane);
    for (const id of m.hidden) {
      stacked.set(id, lane);
      if (!isOpen) folded.set(id, lane);
    }
  }
  const cards = new Map<string, Point>();
  const { lanes, width, height } = stackLanes(sortLanes(members.keys(), column, opOrder), column, members, open, cards);
  return { lanes, cards, folded, stacked, width, height };
}

/** The stack node's id for a lane. */
export const stackId = (laneId: string) => `stack:${laneId}`;
/** The lane node's id for a lane. */
export const laneNodeId = (laneId: string) => `lane:${laneId}`;
