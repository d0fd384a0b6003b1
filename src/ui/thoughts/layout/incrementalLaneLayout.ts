import {
  columnAfter,
  INPUT_LANE,
  keptIds,
  laneLayout,
  laneMembers,
  laneOf,
  LANE_GAP,
  LANE_HEAD_OVERHANG,
  LANE_WIDTH,
  placeLane,
  type LaneBox,
  type LaneItem,
  type LaneLayout,
  type LaneMembers,
  type Point,
} from './laneLayout';

/** What the last layout was built from, kept to extend it. */
interface Base {
  opOrder: readonly string[];
  open: ReadonlySet<string> | 'all';
  /** Its thoughts (not calls), in order. */
  things: LaneItem[];
  itemLane: Map<string, string>;
  /** Lane columns from its thoughts alone. */
  column: Map<string, number>;
  kept: Set<string>;
  members: Map<string, LaneMembers>;
  laneIds: string[];
  layout: LaneLayout;
}

const sameItem = (a: LaneItem, b: LaneItem) => a.id === b.id && a.opId === b.opId && a.pruned === b.pruned && a.parents === b.parents;

function fullBase(items: readonly LaneItem[], opOrder: readonly string[], open: ReadonlySet<string> | 'all'): Base {
  const layout = laneLayout(items, opOrder, open);
  const things = items.filter((i) => !i.transient);
  const itemLane = new Map<string, string>();
  for (const item of items) itemLane.set(item.id, laneOf(item));
  const column = new Map<string, number>([[INPUT_LANE, 0]]);
  for (const item of things) columnAfter(item, itemLane, column);
  const kept = keptIds(items);
  const members = laneMembers(items, kept);
  // Calls only ever add to a column here; if they moved a lane, the next update lays out in full again.
  const callsMoved = layout.lanes.some((l) => (column.get(l.opId) ?? (l.opId === INPUT_LANE ? 0 : 1)) !== l.column);
  return { opOrder, open, things, itemLane, column: callsMoved ? new Map() : column, kept, members, laneIds: layout.lanes.map((l) => l.opId), layout };
}

/** Whether an item fits the last layout as it is: its lane exists, its column stays, its parents are already kept. */
function fits(base: Base, item: LaneItem): boolean {
  const lane = laneOf(item);
  const col = base.column.get(lane);
  if (col === undefined || !base.members.has(lane)) return false;
  for (const p of item.parents) {
    const pl = base.itemLane.get(p);
    if (pl === undefined) continue;
    if (!base.kept.has(p)) return false;
    if (pl !== lane && (base.column.get(pl) ?? 0) + 1 > col) return false;
  }
  return true;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Extends the last layout when the items grew the way a live run grows them: the same thoughts first
 * (same lane, parents and pruned flag), new thoughts kept and in lanes that exist, in columns that do not
 * change, and calls that come and go. Only the lanes that changed, and the lanes below them in their
 * column, are placed again; anything else (a pruning, a new lane, a lane moving column, a pruned thought
 * revived, other open stacks) lays the whole graph out again. Either way the result equals laneLayout's.
 */
function extend(base: Base, items: readonly LaneItem[]): LaneLayout | null {
  const things: LaneItem[] = [];
  const calls: LaneItem[] = [];
  for (const item of items) (item.transient ? calls : things).push(item);
  if (things.length < base.things.length) return null;
  for (let i = 0; i < base.things.length; i += 1) if (!sameItem(things[i] as LaneItem, base.things[i] as LaneItem)) return null;
  // Checked and taken in one by one, as a thought's parents may be new too (on failure the base is rebuilt anyway).
  const dirty = new Set<string>();
  for (const item of things.slice(base.things.length)) {
    if (item.pruned || !fits(base, item)) return null;
    const lane = laneOf(item);
    base.itemLane.set(item.id, lane);
    base.kept.add(item.id);
    base.members.get(lane)?.shown.push(item.id);
    dirty.add(lane);
  }
  for (const c of calls) if (!fits(base, c)) return null;
  const callsByLane = new Map<string, string[]>();
  for (const c of calls) {
    const lane = laneOf(c);
    const list = callsByLane.get(lane) ?? [];
    callsByLane.set(lane, list);
    list.push(c.id);
  }
  const gone: string[] = [];
  for (const [lane, m] of base.members) {
    const next = callsByLane.get(lane) ?? [];
    if (sameList(m.calls, next)) continue;
    gone.push(...m.calls);
    m.calls = next;
    dirty.add(lane);
  }
  base.things = things;
  if (dirty.size === 0) return base.layout;

  // Place the changed lanes and every lane below one in its column again; the rest keep their boxes.
  const cards = new Map<string, Point>(base.layout.cards);
  for (const id of gone) cards.delete(id);
  const lanes: LaneBox[] = base.layout.lanes.slice();
  const moving = new Set<number>();
  const columnBottom = new Map<number, number>();
  base.laneIds.forEach((laneId, i) => {
    const old = lanes[i] as LaneBox;
    const col = old.column;
    if (dirty.has(laneId)) moving.add(col);
    if (moving.has(col)) {
      const top = columnBottom.get(col) ?? 0;
      lanes[i] = placeLane(laneId, col, top, base.members.get(laneId) as LaneMembers, old.open, cards);
    }
    columnBottom.set(col, (lanes[i] as LaneBox).y + (lanes[i] as LaneBox).height + LANE_GAP);
  });
  let width = 0;
  let height = 0;
  for (const l of lanes) {
    width = Math.max(width, l.x + LANE_WIDTH + LANE_HEAD_OVERHANG);
    height = Math.max(height, l.y + l.height);
  }
  return { lanes, cards, folded: base.layout.folded, stacked: base.layout.stacked, width, height };
}

/**
 * A lane layout for a live run: call it with the items of each update; it extends the last layout
 * (see `extend`) instead of placing every card again, and gives the same result as laneLayout.
 */
export function incrementalLaneLayout(): (items: readonly LaneItem[], opOrder: readonly string[], open: ReadonlySet<string> | 'all') => LaneLayout {
  let base: Base | null = null;
  return (items, opOrder, open) => {
    if (base && base.opOrder === opOrder && base.open === open && base.column.size) {
      const layout = extend(base, items);
      if (layout) {
        base.layout = layout;
        return layout;
      }
    }
    base = fullBase(items, opOrder, open);
    return base.layout;
  };
}
