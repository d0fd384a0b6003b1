/** Card size and spacing shared by both layouts (cards have a fixed size so layout needs no measuring). */
export const CARD_WIDTH = 240;
export const CARD_HEIGHT = 150;
export const COLUMN_GAP = 90;
export const ROW_GAP = 24;

/** A vertex to place: a thought, or a call still streaming (placed where its thoughts will appear). */
export interface LayoutItem {
  id: string;
  parents: readonly string[];
  /** Hops from the input: the column. */
  latency: number;
  /** Topological index of the operation that made it; orders items within a column. */
  opIndex: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * A layered layout in one pass, cheap enough to redo on every animation frame of a live run:
 * columns are latency (hops from the input), rows follow the operation order and then the
 * parents' rows, so new thoughts mostly land below the ones already shown.
 */
export function quickLayout(items: readonly LayoutItem[]): Map<string, Point> {
  const columns = new Map<number, Array<{ item: LayoutItem; order: number; key: number }>>();
  const row = new Map<string, number>();
  const sorted = items.map((item, order) => ({ item, order, key: 0 }));
  // Parents always have a lower latency, so placing column by column sees every parent's row.
  sorted.sort((a, b) => a.item.latency - b.item.latency || a.order - b.order);
  for (const entry of sorted) {
    const col = columns.get(entry.item.latency) ?? [];
    columns.set(entry.item.latency, col);
    col.push(entry);
  }
  const out = new Map<string, Point>();
  for (const latency of [...columns.keys()].sort((a, b) => a - b)) {
    const col = columns.get(latency) ?? [];
    for (const entry of col) {
      let sum = 0;
      let n = 0;
      for (const p of entry.item.parents) {
        const r = row.get(p);
        if (r !== undefined) {
          sum += r;
          n += 1;
        }
      }
      entry.key = n ? sum / n : 0;
    }
    col.sort((a, b) => a.item.opIndex - b.item.opIndex || a.key - b.key || a.order - b.order);
    col.forEach((entry, i) => {
      row.set(entry.item.id, i);
      out.set(entry.item.id, slot(latency, i));
    });
  }
  return out;
}

/**
 * Incremental placement while a run streams: a placed thought keeps its slot and new ones take the
 * next free row of their column, so nothing already on screen moves. `transient` items (calls still
 * streaming) go below the placed ones without keeping a slot.
 */
export class StablePlacer {
  private readonly slots = new Map<string, Point>();
  private readonly rows = new Map<number, number>();

  place(items: readonly LayoutItem[], transient: (id: string) => boolean): Map<string, Point> {
    const out = new Map<string, Point>();
    const extra = new Map<number, number>();
    const fresh = items.filter((i) => !this.slots.has(i.id) && !transient(i.id));
    fresh.sort((a, b) => a.latency - b.latency || a.opIndex - b.opIndex);
    for (const item of fresh) {
      const row = this.rows.get(item.latency) ?? 0;
      this.rows.set(item.latency, row + 1);
      this.slots.set(item.id, slot(item.latency, row));
    }
    for (const item of items) {
      const placed = this.slots.get(item.id);
      if (placed) out.set(item.id, placed);
      else {
        const row = (this.rows.get(item.latency) ?? 0) + (extra.get(item.latency) ?? 0);
        extra.set(item.latency, (extra.get(item.latency) ?? 0) + 1);
        out.set(item.id, slot(item.latency, row));
      }
    }
    return out;
  }
}

const slot = (latency: number, row: number): Point => ({ x: latency * (CARD_WIDTH + COLUMN_GAP), y: row * (CARD_HEIGHT + ROW_GAP) });
