import { stackLabel } from '../../document/foldBranches';

/*
 * The far level's operation headers, like a map's labels: each column of pills is named once in a band
 * above the graph, its text starting at the column and running right over its neighbours' space, rows
 * stacked so that a header never covers the tick that ties another header to its column. Lanes of one
 * column that differ get a short tag (the part number, "3" of "Solve List 1–8", or a letter per entry)
 * in the gap on their left. Units are screen px at the far level's least scale (1).
 */

/** The headers' and tags' type size, never less than 10 px on screen. */
export const HEADER_FONT = 10;
/** One header row. */
export const HEADER_LINE = 12;
/** Between the band's lowest row and the graph: the ticks' length. */
export const BAND_GAP = 4;
/** The text starts this far right of its column's tick. */
const TICK_PAD = 3;
/** Kept clear between a header's text and the next tick or the room's edge. */
const HEADER_CLEAR = 3;
/** The fewest characters of a label kept before "… · Type"; with less room the type gives way. */
const KEEP_WITH_TYPE = 12;
/** Rows the band may use when the room is unknown. */
const DEFAULT_ROWS = 4;
/** Fewer rows than this and labels would shrink to a word: the caller folds columns instead. */
export const MIN_ROWS = 2;

/** An operation as a reader names it: its label and its type ("Generate"); the input has no type. */
export interface OpName {
  label: string;
  type: string;
}

/** What the headers need to know that the layout does not: names and text widths. */
export interface HeaderText {
  name: (opId: string) => OpName;
  /** The width of a text in the headers' type, px at scale 1. */
  measure: (text: string) => number;
}

/** One line of a header: a run of lanes (or a folded column's operations) of one type whose labels differ at most in part numbers. */
export interface HeaderEntry {
  /** The operations it names, in lane order. */
  ops: readonly string[];
  /** Their label once: "Solve List 1–8 (5 tries)", or "Refine the merge ×4" when the labels are the same. */
  name: string;
  type: string;
  /** The letter that marks its lanes when the column holds several entries, else null. */
  letter: string | null;
  /** The whole line ("B Merge pair 1 (level 2) · Aggregate") and what is drawn (shortened to the room, "…" kept with the type). */
  full: string;
  text: string;
}

export interface FarHeader {
  column: number;
  /** The tick's x, at the column's left edge. */
  tick: number;
  /** The text's box (its entries one per row, top to bottom). */
  x: number;
  y: number;
  width: number;
  height: number;
  entries: HeaderEntry[];
}

/** A lane's mark in the gap on its left: which entry (letter) and part (number) of its column's header it is. */
export interface LaneTag {
  lane: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The lanes of one column as the layout placed them: their ids and the operations each stands for. */
export interface HeaderColumn {
  column: number;
  x: number;
  lanes: ReadonlyArray<{ id: string; ops: readonly string[] }>;
}

/** Whether two labels differ at most in their numbers (stackLabel gives a range for them). */
const alike = (a: string, b: string) => a === b || stackLabel([a, b]) !== a;

/** The entries of a column: consecutive operations of one type with alike labels. */
export function columnEntries(ops: readonly string[], text: HeaderText): HeaderEntry[] {
  const runs: string[][] = [];
  for (const op of ops) {
    const run = runs[runs.length - 1];
    const head = run?.[0];
    const n = text.name(op);
    if (run && head !== undefined && text.name(head).type === n.type && alike(text.name(head).label, n.label)) run.push(op);
    else runs.push([op]);
  }
  return runs.map((run, i) => {
    const labels = run.map((op) => text.name(op).label);
    const same = labels.every((l) => l === labels[0]);
    const name = same && run.length > 1 ? `${labels[0]} ×${run.length}` : stackLabel(labels);
    const type = text.name(run[0] as string).type;
    const letter = runs.length > 1 ? String.fromCharCode(65 + (i % 26)) : null;
    const full = `${letter ? `${letter} ` : ''}${name}${type ? ` · ${type}` : ''}`;
    return { ops: run, name, type, letter, full, text: full };
  });
}

/** The part number of a label that its entry's range runs over ("3" of "Solve List 3" in "Solve List 1–8"), or ''. */
function partOf(label: string, labels: readonly string[]): string {
  const parts = label.split(/(\d+)/);
  for (let i = 1; i < parts.length; i += 2) if (labels.some((l) => l.split(/(\d+)/)[i] !== parts[i])) return parts[i] as string;
  return '';
}

/** Each lane's tag in a column of several lanes whose names differ: its entry's letter and its part number; none when they read the same. */
export function laneTags(col: HeaderColumn, entries: readonly HeaderEntry[], text: HeaderText): Map<string, string> {
  const tags = new Map<string, string>();
  if (col.lanes.length < 2) return tags;
  for (const lane of col.lanes) {
    const op = lane.ops[0];
    const entry = entries.find((e) => op !== undefined && e.ops.includes(op));
    if (!entry || lane.ops.length !== 1) continue;
    const part = partOf(text.name(op as string).label, entry.ops.map((o) => text.name(o).label));
    const tag = `${entry.letter ?? ''}${part}`;
    if (tag) tags.set(lane.id, tag);
  }
  return tags;
}

/** A line shortened to `width`: the label cut with "…" while the type still shows, else the whole line cut. */
export function fitLine(entry: HeaderEntry, width: number, measure: (s: string) => number): string {
  if (measure(entry.full) <= width) return entry.full;
  const tail = entry.type ? ` · ${entry.type}` : '';
  const head = entry.full.slice(0, entry.full.length - tail.length);
  // The type stays only beside enough of the label to know it by.
  for (const [body, end, least] of [
    [head, `…${tail}`, Math.min(head.length - 1, KEEP_WITH_TYPE)],
    [entry.full, '…', 1],
  ] as const) {
    for (let n = body.length - 1; n >= least; n -= 1) {
      const s = `${body.slice(0, n).trimEnd()}${end}`;
      if (measure(s) <= width) return s;
    }
  }
  return '…';
}

/**
 * Places every column's header in a band `rows` high at most (more when one column has more entries),
 * from the right: a header's text starts at its column's tick, or ends at `right` when that shows more
 * of it (its tick then meets the text from below). It sits above every header its text runs over and
 * below every header that runs over its tick, and is cut short where it would break either. Returns
 * the headers (y from the band's top) and the band's height.
 */
export function placeHeaders(columns: ReadonlyArray<HeaderColumn & { entries: HeaderEntry[] }>, text: HeaderText, rows: number, right: number): { headers: FarHeader[]; band: number } {
  const cols = [...columns].sort((a, b) => a.x - b.x);
  // Shifting texts left helps the last columns but may starve others: taken only when no header is left shorter than its column and less is cut.
  const plain = placeOnce(cols, text, rows, right, false);
  const shifted = placeOnce(cols, text, rows, right, true);
  const pitch = cols.length > 1 ? Math.min(...cols.slice(1).map((c, i) => c.x - (cols[i] as HeaderColumn).x)) : Infinity;
  const fair = shifted.headers.every((h) => h.width >= Math.min(pitch - 2 * HEADER_CLEAR, ...h.entries.map((e) => text.measure(e.full))));
  const pick = fair && hidden(shifted.headers) < hidden(plain.headers) ? shifted : plain;
  return { headers: pick.headers, band: pick.band };
}

/** Characters of the headers' full lines not shown. */
const hidden = (headers: readonly FarHeader[]) => headers.reduce((n, h) => n + h.entries.reduce((m, e) => m + e.full.length - (e.text === e.full ? e.full.length : e.text.length - 1), 0), 0);

function placeOnce(cols: ReadonlyArray<HeaderColumn & { entries: HeaderEntry[] }>, text: HeaderText, rows: number, right: number, shift: boolean): { headers: FarHeader[]; band: number; texts: Map<number, string[]> } {
  const budget = Math.max(rows, ...cols.map((c) => c.entries.length));
  const texts = new Map<number, string[]>();
  const placed: Array<{ i: number; start: number; end: number; row: number; lines: number }> = [];
  const out = new Array<{ start: number; width: number; row: number }>(cols.length);
  for (let i = cols.length - 1; i >= 0; i -= 1) {
    const c = cols[i] as (typeof cols)[number];
    const count = c.entries.length;
    const want = Math.max(...c.entries.map((e) => text.measure(e.full)));
    // Below every header already placed that runs over this tick.
    const ceiling = Math.min(budget, ...placed.filter((p) => p.start - HEADER_CLEAR <= c.x && p.end + HEADER_CLEAR >= c.x).map((p) => p.row));
    // The row a text spanning [start, end] needs: above what it runs over, and off the floor when it covers a tick on its left not yet placed.
    const rowFor = (start: number, end: number) => {
      let r = cols.some((o, k) => k < i && o.x >= start - HEADER_CLEAR && o.x <= end + HEADER_CLEAR) ? 1 : 0;
      for (const p of placed) if (p.start - HEADER_CLEAR < end && start < p.end + HEADER_CLEAR) r = Math.max(r, p.row + p.lines);
      return r;
    };
    // The widest text, up to `want`, that keeps the header under its ceiling, for a text starting at `start`.
    const widest = (start: number) => {
      let w = Math.max(0, Math.min(want, right - HEADER_CLEAR - start));
      while (w > 0 && rowFor(start, start + w) + count > ceiling) w -= 4;
      return Math.max(0, w);
    };
    const left = c.x + TICK_PAD;
    const shifted = Math.max(cols[0]?.x ?? 0, Math.min(left, right - HEADER_CLEAR - want));
    const [start, width] = (shift ? [left, shifted] : [left]).map((x) => [x, widest(x)] as const).reduce((a, b) => (b[1] > a[1] + 0.5 ? b : a));
    const row = rowFor(start, start + width);
    const lines = c.entries.map((e) => fitLine(e, width, text.measure));
    texts.set(c.column, lines);
    const end = start + Math.max(...lines.map((l) => text.measure(l)));
    placed.push({ i, start, end, row, lines: count });
    out[i] = { start, width: end - start, row };
  }
  const used = Math.max(0, ...placed.map((p) => p.row + p.lines));
  const band = used ? used * HEADER_LINE + BAND_GAP : 0;
  const headers = cols.map((c, i) => {
    const o = out[i] as { start: number; width: number; row: number };
    const n = c.entries.length;
    // Entries copied with this placement's texts, so the other placement tried leaves them as they were.
    const entries = c.entries.map((e, k) => ({ ...e, text: texts.get(c.column)?.[k] ?? e.full }));
    return { column: c.column, tick: c.x, x: o.start, y: band - BAND_GAP - (o.row + n) * HEADER_LINE, width: o.width, height: n * HEADER_LINE, entries };
  });
  return { headers, band, texts };
}

/** The rows a band may take in a room `height` tall over a graph `graph` tall (DEFAULT_ROWS when the room is unknown). */
export const bandRows = (room: { height: number } | undefined, graph: number) =>
  room ? Math.max(MIN_ROWS, Math.floor((room.height - graph - BAND_GAP) / HEADER_LINE)) : DEFAULT_ROWS;
