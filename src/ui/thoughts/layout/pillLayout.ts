import { bandRows, columnEntries, HEADER_FONT, hiddenChars, laneTags, placeHeaders, type FarHeader, type HeaderColumn, type HeaderEntry, type HeaderText, type LaneTag } from './farHeaders';
import { COLUMN_GAP, columnAfter, INPUT_LANE, keptIds, LANE_WIDTH, laneMembers, laneOf, sortLanes, type LaneItem, type LaneMembers, type Point } from './laneLayout';

/*
 * The far level's geometry, in screen CSS px at its least scale (1): a thought is a pill that carries its
 * score on one line and its volume and latency on the next, in 10 px type. Denser than cards (no text;
 * operations named once per column in a header band above, see farHeaders.ts; a folded stack is a
 * shadow behind the lane's last pill with its "+n"), so a whole GoT run fits a projector-sized pane with
 * every figure and every operation's name still readable.
 */
/** The figures' type size at scale 1 (the least the far level allows). */
export const PILL_FONT = 10;
/** One line of figures. */
export const PILL_LINE = 11;
export const PILL_WIDTH = 42;
export const PILL_HEIGHT = 2 * PILL_LINE + 3;
/** Between pills of one lane. */
export const PILL_GAP = 2;
/** How far a folded stack's shadow shows right of and below the lane's last pill. */
export const STACK_SHADOW = 3;
/** Between lanes of one column. */
export const PILL_LANE_GAP = 3;
export const PILL_COLUMN_GAP = 10;
export const PILL_LANE_WIDTH = PILL_WIDTH + STACK_SHADOW;
/** A lane with more pills than this is drawn as one summary block at the far level ("20 · best 3 · V≤21 · L≤2"). */
export const LANE_SUMMARY_MIN = 13;
/** A summary block: its count, best score, most volume, most latency, one line each. */
export const SUMMARY_HEIGHT = 4 * PILL_LINE + 3;

/**
 * Card-layout units per far-level unit: the far layout drawn at canvas zoom z shows at scale z × FAR_SCALE.
 * It is the ratio of the two column pitches, so a graph keeps (about) its width when the level changes.
 */
export const FAR_SCALE = (LANE_WIDTH + COLUMN_GAP) / (PILL_LANE_WIDTH + PILL_COLUMN_GAP);
/** Below this zoom of the Thoughts canvas the far level is drawn instead of cards (the compact cards' figures would need more than their box). */
export const OVERVIEW_ZOOM = 0.25;
/** The least zoom of the Thoughts canvas: the far level at scale 1, its figures 10 px tall. */
export const FAR_MIN_ZOOM = 1 / FAR_SCALE;

/** One thing drawn at the far level: a thought's pill, a call still running, a lane's summary, or a stack of folded thoughts. */
export type FarBlock =
  | { kind: 'thought'; id: string; lane: string; x: number; y: number; width: number; height: number }
  | { kind: 'call'; id: string; lane: string; x: number; y: number; width: number; height: number }
  /** A lane's thoughts as one block; `members` are the thoughts it stands for. */
  | { kind: 'summary'; id: string; lane: string; x: number; y: number; width: number; height: number; members: readonly string[] }
  /** A lane's folded pruned thoughts: a shadow behind its last block (its "+n" in a badge on that block's first line), or a block of its own in a lane with nothing kept. */
  | { kind: 'stack'; id: string; lane: string; x: number; y: number; width: number; height: number; count: number; shadow: boolean; badge: Box | null };

export interface PillLane {
  opId: string;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PillLayout {
  lanes: PillLane[];
  /** Each column's operations named in the band above the graph (none when the layout was made without names). */
  headers: FarHeader[];
  /** Lanes of one column that differ: their part or entry, left of their first block. */
  tags: LaneTag[];
  /** The header band's height: it runs from y = -band to the graph's top at 0. */
  band: number;
  /** In drawing order: a stack's shadow before the block it sits behind. */
  blocks: FarBlock[];
  /** Where each shown thought or call is drawn: its pill, or its lane's summary. */
  at: Map<string, FarBlock>;
  /** The graph's size from the origin (the band above it not included). */
  width: number;
  height: number;
}

type Box = { x: number; y: number; width: number; height: number };

/** A shadow's "+n" badge: wide enough for its digits in 10 px type. */
const badgeWidth = (count: number) => 7 * (String(count).length + 1) + 2;
/** Kept clear on both sides of a lane's tag in the gap left of its column. */
const TAG_CLEAR = 2;

/** Places one lane's blocks from `top`: pills (or one summary, always when `summarise` and it holds more than one), then its stack; returns the lane's height. */
function placePills(laneId: string, x: number, top: number, m: LaneMembers, isOpen: boolean, summarise: boolean, out: PillLayout): number {
  const members = isOpen ? [...m.shown, ...m.hidden] : m.shown;
  const folded = isOpen ? 0 : m.hidden.length;
  let y = top;
  let last: Box | null = null;
  if (members.length >= LANE_SUMMARY_MIN || (summarise && members.length > 1)) {
    const block: FarBlock = { kind: 'summary', id: `summary:${laneId}`, lane: laneId, x, y, width: PILL_WIDTH, height: SUMMARY_HEIGHT, members };
    out.blocks.push(block);
    for (const id of members) out.at.set(id, block);
    last = block;
    y += SUMMARY_HEIGHT + PILL_GAP;
  } else {
    for (const id of members) {
      const block: FarBlock = { kind: 'thought', id, lane: laneId, x, y, width: PILL_WIDTH, height: PILL_HEIGHT };
      out.blocks.push(block);
      out.at.set(id, block);
      last = block;
      y += PILL_HEIGHT + PILL_GAP;
    }
  }
  for (const id of m.calls) {
    const block: FarBlock = { kind: 'call', id, lane: laneId, x, y, width: PILL_WIDTH, height: PILL_HEIGHT };
    out.blocks.push(block);
    out.at.set(id, block);
    last = block;
    y += PILL_HEIGHT + PILL_GAP;
  }
  if (folded) {
    const stackId = `stack:${laneId}`;
    if (last) {
      // Behind the last block, drawn first: it peeks out below and to the right.
      const w = badgeWidth(folded);
      const badge = { x: last.x + PILL_WIDTH - w - 1, y: last.y + 1, width: w, height: PILL_LINE };
      const shadow: FarBlock = { kind: 'stack', id: stackId, lane: laneId, x: x + STACK_SHADOW, y: last.y + STACK_SHADOW, width: PILL_WIDTH, height: last.height, count: folded, shadow: true, badge };
      out.blocks.splice(out.blocks.indexOf(last as FarBlock), 0, shadow);
      y += STACK_SHADOW;
    } else {
      out.blocks.push({ kind: 'stack', id: stackId, lane: laneId, x, y, width: PILL_WIDTH, height: PILL_HEIGHT, count: folded, shadow: false, badge: null });
      y += PILL_HEIGHT + PILL_GAP;
    }
  }
  return y - PILL_GAP - top;
}

const NO_FOLD: ReadonlySet<number> = new Set();

/** Names for the headers, and the room a fit gives them (the band takes the rows the graph leaves; its text stops at the room's right edge). */
export interface HeaderOptions {
  text: HeaderText;
  room?: { width: number; height: number };
}

/**
 * The far level's layout of a GRS: the same lanes in the same columns and order as laneLayout (by
 * operation, run order within a column), each thought a pill, a lane of LANE_SUMMARY_MIN thoughts or
 * more one summary block, a folded stack a shadow. The columns in `fold` (see foldToFit) are drawn as one
 * lane, their thoughts as one summary block. With `headers`, each column's operations are named in a band
 * above the graph and the lanes of a column that differ are tagged. Units are screen px at the far level's least scale.
 */
export function pillLayout(items: readonly LaneItem[], opOrder: readonly string[], open: ReadonlySet<string> | 'all', fold: ReadonlySet<number> = NO_FOLD, headers?: HeaderOptions): PillLayout {
  const itemLane = new Map<string, string>();
  for (const item of items) itemLane.set(item.id, laneOf(item));
  const column = new Map<string, number>([[INPUT_LANE, 0]]);
  for (const item of items) columnAfter(item, itemLane, column);
  const members = laneMembers(items, keptIds(items));
  // A folded column's stack opens as one: every lane of the column shows its pruned thoughts.
  const isOpen = (lane: string) => open === 'all' || open.has(lane) || (fold.size > 0 && open.has(`column:${column.get(lane) ?? -1}`));
  // A folded column's lanes as one: their shown thoughts (and opened stacks), calls and folded thoughts together.
  const groups = new Map<number, { m: LaneMembers; ops: string[] }>();
  const order: Array<{ lane: string; col: number; m: LaneMembers; open: boolean; group: boolean; ops: string[] }> = [];
  for (const laneId of sortLanes(members.keys(), column, opOrder)) {
    const col = column.get(laneId) ?? 0;
    const m = members.get(laneId) as LaneMembers;
    if (!fold.has(col)) {
      order.push({ lane: laneId, col, m, open: isOpen(laneId), group: false, ops: [laneId] });
      continue;
    }
    let g = groups.get(col);
    if (!g) {
      groups.set(col, (g = { m: { shown: [], calls: [], hidden: [] }, ops: [] }));
      order.push({ lane: `column:${col}`, col, m: g.m, open: false, group: true, ops: g.ops });
    }
    g.ops.push(laneId);
    g.m.shown.push(...m.shown, ...(isOpen(laneId) ? m.hidden : []));
    g.m.calls.push(...m.calls);
    if (!isOpen(laneId)) g.m.hidden.push(...m.hidden);
  }
  // Each column's header entries and lane tags; a column whose lanes carry tags leaves room for them on its left.
  const byColumn = new Map<number, Array<{ id: string; ops: readonly string[] }>>();
  for (const o of order) byColumn.set(o.col, [...(byColumn.get(o.col) ?? []), { id: o.lane, ops: o.ops }]);
  const entries = new Map<number, HeaderEntry[]>();
  const tagText = new Map<string, string>();
  const gapBefore = new Map<number, number>();
  if (headers) {
    for (const [col, lanes] of byColumn) {
      const list = columnEntries(lanes.flatMap((l) => l.ops), headers.text);
      entries.set(col, list);
      const tags = laneTags({ column: col, x: 0, lanes }, list, headers.text);
      for (const [lane, t] of tags) tagText.set(lane, t);
      const widest = Math.max(0, ...[...tags.values()].map((t) => headers.text.measure(t)));
      if (widest) gapBefore.set(col, Math.max(PILL_COLUMN_GAP, widest + 2 * TAG_CLEAR));
    }
  }
  const columnX = new Map<number, number>();
  const last = Math.max(0, ...byColumn.keys());
  for (let c = 0, x = 0; c <= last; c += 1) {
    if (c > 0) x += PILL_LANE_WIDTH + (gapBefore.get(c) ?? PILL_COLUMN_GAP);
    columnX.set(c, x);
  }
  const out: PillLayout = { lanes: [], headers: [], tags: [], band: 0, blocks: [], at: new Map(), width: 0, height: 0 };
  const columnBottom = new Map<number, number>();
  for (const { lane, col, m, open: laneOpen, group } of order) {
    const x = columnX.get(col) ?? 0;
    const top = columnBottom.get(col) ?? 0;
    const height = placePills(lane, x, top, m, laneOpen, group, out);
    out.lanes.push({ opId: lane, column: col, x, y: top, width: PILL_LANE_WIDTH, height });
    columnBottom.set(col, top + height + PILL_LANE_GAP);
    out.width = Math.max(out.width, x + PILL_LANE_WIDTH);
    out.height = Math.max(out.height, top + height);
    const tag = tagText.get(lane);
    if (tag && headers) {
      const width = headers.text.measure(tag);
      out.tags.push({ lane, text: tag, x: x - TAG_CLEAR - width, y: top + (PILL_HEIGHT - HEADER_FONT) / 2, width, height: HEADER_FONT });
    }
  }
  if (headers) {
    const columns: Array<HeaderColumn & { entries: HeaderEntry[] }> = [...byColumn].map(([col, lanes]) => ({ column: col, x: columnX.get(col) ?? 0, lanes, entries: entries.get(col) ?? [] }));
    const right = Math.max(out.width, headers.room?.width ?? out.width + 4 * (PILL_LANE_WIDTH + PILL_COLUMN_GAP));
    const placed = placeHeaders(columns, headers.text, bandRows(headers.room, out.height), right);
    // The band sits above the graph's origin (negative y), so the graph's top is at 0 as the cards' is: changing level keeps it in place.
    out.headers = placed.headers.map((h) => ({ ...h, y: h.y - placed.band }));
    out.band = placed.band;
    for (const h of out.headers) out.width = Math.max(out.width, h.x + h.width);
  }
  return out;
}

/** Header characters a pill is worth: folding a column for its names must show this many more per pill it hides in a summary. */
const PILL_WORTH = 1;

/** How many characters of the headers' lines are cut short (0: every operation named in full). */
const cutShort = (layout: PillLayout) => hiddenChars(layout.headers);

/**
 * The columns to fold so the far layout (its header band too) fits a room (screen px at scale 1), tallest
 * first, and the layout that gives: none when it fits as it is; as many as it takes, or every column that
 * folding shortens, when the room is too short. Folding cannot make a graph narrower: a room too narrow folds nothing.
 */
export function foldToFit(items: readonly LaneItem[], opOrder: readonly string[], open: ReadonlySet<string> | 'all', room: { width: number; height: number }, text?: HeaderText): { fold: ReadonlySet<number>; layout: PillLayout } {
  const fold = new Set<number>();
  const headers = text ? { text, room } : undefined;
  let layout = pillLayout(items, opOrder, open, fold, headers);
  // Too tall: fold the tallest columns until it fits. Then go on folding while headers are cut short, and keep
  // the step that best trades the pills it hides for the header text it shows.
  let best = { fold: new Set(fold), layout, cost: Infinity };
  for (;;) {
    const short = layout.height + layout.band > room.height;
    if (short && layout.width > room.width) break;
    if (!short) {
      let summarised = 0;
      for (const b of layout.at.values()) if (b.kind === 'summary') summarised += 1;
      const cost = cutShort(layout) + PILL_WORTH * summarised;
      if (cost < best.cost) best = { fold: new Set(fold), layout, cost };
      if (cutShort(layout) === 0) break;
    }
    const bottom = new Map<number, number>();
    const columnOf = new Map<string, number>();
    for (const lane of layout.lanes) {
      bottom.set(lane.column, Math.max(bottom.get(lane.column) ?? 0, lane.y + lane.height));
      columnOf.set(lane.opId, lane.column);
    }
    // Only a column of more than one block gets shorter folded.
    const blocks = new Map<number, number>();
    for (const b of layout.blocks) {
      const col = columnOf.get(b.lane) ?? -1;
      if (b.kind !== 'stack' || !b.shadow) blocks.set(col, (blocks.get(col) ?? 0) + 1);
    }
    const tallest = [...bottom].filter(([col]) => !fold.has(col) && (blocks.get(col) ?? 0) > 1).sort((a, b) => b[1] - a[1])[0];
    if (!tallest) break;
    fold.add(tallest[0]);
    layout = pillLayout(items, opOrder, open, fold, headers);
  }
  return best.cost < Infinity ? { fold: best.fold, layout: best.layout } : { fold, layout };
}

/** The far-level block under a point given in the canvas's (card layout) coordinates, topmost first; null over empty space. */
export function blockAt(layout: PillLayout, p: Point): FarBlock | null {
  const x = p.x / FAR_SCALE;
  const y = p.y / FAR_SCALE;
  const within = (b: Box) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
  // A stack's "+n" badge sits on its lane's last block: a click there opens the stack.
  for (const b of layout.blocks) if (b.kind === 'stack' && b.badge && within(b.badge)) return b;
  for (let i = layout.blocks.length - 1; i >= 0; i -= 1) {
    const b = layout.blocks[i] as FarBlock;
    if (within(b)) return b;
  }
  return null;
}

/** The header under a point given in the canvas's coordinates, or null. */
export function headerAt(layout: PillLayout, p: Point): FarHeader | null {
  const x = p.x / FAR_SCALE;
  const y = p.y / FAR_SCALE;
  return layout.headers.find((h) => x >= h.x && x <= h.x + h.width && y >= h.y && y <= h.y + h.height) ?? null;
}
