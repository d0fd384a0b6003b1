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
/** The most lines one entry wraps onto before it is cut short instead. */
const MAX_WRAP = 4;

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
  /** The whole line ("B Merge pair 1 (level 2) · Aggregate") and what is drawn: it wrapped at spaces onto short lines, or one line shortened to the room ("…" kept with the type). */
  full: string;
  lines: string[];
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
    return { ops: run, name, type, letter, full, lines: [full] };
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

/** Whether an entry is drawn whole (on one line or wrapped), not cut short. */
export const isWhole = (e: HeaderEntry) => e.lines.join(' ') === e.full;

/** Characters of the headers' full lines not shown. */
export const hiddenChars = (headers: readonly FarHeader[]) =>
  headers.reduce((n, h) => n + h.entries.reduce((m, e) => m + (isWhole(e) ? 0 : e.full.length - ((e.lines[0] ?? '').length - 1)), 0), 0);

/**
 * A line broken at its spaces onto lines at most `width` wide, the type's "·" kept with the type; null
 * when a word alone is wider (a word is never broken).
 */
export function wrapLine(full: string, width: number, measure: (s: string) => number): string[] | null {
  const words = full.split(' ').reduce<string[]>((out, w) => (out[out.length - 1] === '·' ? [...out.slice(0, -1), `· ${w}`] : [...out, w]), []);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else if (measure(word) <= width) lines.push(word);
    else return null;
  }
  return lines;
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
 * from the right: a header's text starts at its column's tick, or ends at `right` (for a column's tick)
 * when that shows more of it (its tick then meets the text from below). It sits above every header its
 * text runs over and below every header that runs over its tick; it wraps onto short lines where that
 * keeps it whole and lower, and is cut short only where no wrapping keeps it under the headers above.
 * Returns the headers (y from the band's top) and the band's height.
 */
export function placeHeaders(columns: ReadonlyArray<HeaderColumn & { entries: HeaderEntry[] }>, text: HeaderText, rows: number, right: number | ((tick: number) => number)): { headers: FarHeader[]; band: number } {
  const rightOf = typeof right === 'number' ? () => right : right;
  const cols = [...columns].sort((a, b) => a.x - b.x);
  // Shifting texts left helps the last columns but may starve others: taken only when no header is left shorter than its column and less is cut.
  const plain = placeOnce(cols, text, rows, rightOf, false);
  const shifted = placeOnce(cols, text, rows, rightOf, true);
  const pitch = cols.length > 1 ? Math.min(...cols.slice(1).map((c, i) => c.x - (cols[i] as HeaderColumn).x)) : Infinity;
  const fair = shifted.headers.every((h) => h.entries.every(isWhole) || h.width >= Math.min(pitch - 2 * HEADER_CLEAR, ...h.entries.map((e) => text.measure(e.full))));
  const pick = fair && hiddenChars(shifted.headers) < hiddenChars(plain.headers) ? shifted : plain;
  return { headers: pick.headers, band: pick.band };
}

function placeOnce(cols: ReadonlyArray<HeaderColumn & { entries: HeaderEntry[] }>, text: HeaderText, rows: number, rightOf: (tick: number) => number, shift: boolean): { headers: FarHeader[]; band: number } {
  const budget = Math.max(rows, ...cols.map((c) => c.entries.length));
  const placed: Array<{ start: number; end: number; row: number; lines: number; tick: number; i: number }> = [];
  const out = new Array<{ start: number; width: number; row: number; lines: string[][] }>(cols.length);
  for (let i = cols.length - 1; i >= 0; i -= 1) {
    const c = cols[i] as (typeof cols)[number];
    const count = c.entries.length;
    const want = Math.max(...c.entries.map((e) => text.measure(e.full)));
    const right = rightOf(c.x);
    // Below every header already placed that runs over this tick.
    const ceiling = Math.min(budget, ...placed.filter((p) => p.start - HEADER_CLEAR <= c.x && p.end + HEADER_CLEAR >= c.x).map((p) => p.row));
    // The row a text spanning [start, end] needs: above what it runs over, and off the floor when it covers a tick on its left not yet placed.
    const rowFor = (start: number, end: number) => {
      let r = cols.some((o, k) => k < i && o.x >= start - HEADER_CLEAR && o.x <= end + HEADER_CLEAR) ? 1 : 0;
      for (const p of placed) if (p.start - HEADER_CLEAR < end && start < p.end + HEADER_CLEAR) r = Math.max(r, p.row + p.lines);
      return r;
    };
    const left = c.x + TICK_PAD;
    const shifted = Math.max(cols[0]?.x ?? 0, Math.min(left, right - HEADER_CLEAR - want));
    const starts = shift && shifted < left ? [left, shifted] : [left];
    // Whole: every wrapping of the entries (each on at most MAX_WRAP lines) that stays under the ceiling, starting at the tick or as far
    // left as it needs to end at `right`; the one reaching the lowest, then on the fewest lines.
    let pick: { start: number; end: number; row: number; lines: string[][]; n: number } | null = null;
    // Without shifting, a text may still start left of its tick as far as just past the previous column's tick (it covers no other tick).
    const least = shift ? (cols[0]?.x ?? 0) : i > 0 ? (cols[i - 1] as HeaderColumn).x + HEADER_CLEAR + 1 : left;
    for (let w = want; w > 0; ) {
      const start = Math.min(left, Math.max(least, right - HEADER_CLEAR - w));
      const wrapped = c.entries.map((e) => wrapLine(e.full, Math.min(w, right - HEADER_CLEAR - start), text.measure));
      if (wrapped.some((l) => !l || l.length > MAX_WRAP)) break;
      const lines = wrapped as string[][];
      const width = Math.max(...lines.flat().map((l) => text.measure(l)));
      const n = lines.reduce((m, l) => m + l.length, 0);
      // Shifted left over ticks not yet placed, it takes the top rows it may, leaving those columns the rows below it.
      const row = cols.some((o, k) => k < i && o.x >= start - HEADER_CLEAR) ? Math.max(rowFor(start, start + width), ceiling - n) : rowFor(start, start + width);
      if (row + n <= ceiling && (!pick || row + n < pick.row + pick.n || (row + n === pick.row + pick.n && n < pick.n))) pick = { start, end: start + width, row, lines, n };
      w = width - 1;
    }
    if (!pick) {
      // Cut short: the widest single line, up to `want`, that keeps the header under its ceiling.
      const widest = (start: number) => {
        let w = Math.max(0, Math.min(want, right - HEADER_CLEAR - start));
        while (w > 0 && rowFor(start, start + w) + count > ceiling) w -= 4;
        return Math.max(0, w);
      };
      const [start, width] = starts.map((x) => [x, widest(x)] as const).reduce((a, b) => (b[1] > a[1] + 0.5 ? b : a));
      const lines = c.entries.map((e) => [fitLine(e, width, text.measure)]);
      pick = { start, end: start + Math.max(...lines.map(([l]) => text.measure(l as string))), row: rowFor(start, start + width), lines, n: count };
    }
    placed.push({ start: pick.start, end: pick.end, row: pick.row, lines: pick.n, tick: c.x, i });
    out[i] = { start: pick.start, width: pick.end - pick.start, row: pick.row, lines: pick.lines };
  }
  // Then each header drops as low as the headers under it allow (a shifted one took the top rows), keeping every header's order.
  const related = (a: (typeof placed)[number], b: (typeof placed)[number]) =>
    (a.start - HEADER_CLEAR < b.end && b.start < a.end + HEADER_CLEAR) || (b.tick >= a.start - HEADER_CLEAR && b.tick <= a.end + HEADER_CLEAR) || (a.tick >= b.start - HEADER_CLEAR && a.tick <= b.end + HEADER_CLEAR);
  const low = new Map<(typeof placed)[number], number>();
  for (const p of [...placed].sort((a, b) => a.row - b.row)) {
    let r = 0;
    for (const [q, qr] of low) if (q.row < p.row && related(p, q)) r = Math.max(r, qr + q.lines);
    low.set(p, r);
  }
  for (const [p, r] of low) {
    (out[p.i] as (typeof out)[number]).row = r;
    p.row = r;
  }
  const used = Math.max(0, ...placed.map((p) => p.row + p.lines));
  const band = used ? used * HEADER_LINE + BAND_GAP : 0;
  const headers = cols.map((c, i) => {
    const o = out[i] as (typeof out)[number];
    const n = o.lines.reduce((m, l) => m + l.length, 0);
    // Entries copied with this placement's lines, so the other placement tried leaves them as they were.
    const entries = c.entries.map((e, k) => ({ ...e, lines: o.lines[k] ?? [e.full] }));
    return { column: c.column, tick: c.x, x: o.start, y: band - BAND_GAP - (o.row + n) * HEADER_LINE, width: o.width, height: n * HEADER_LINE, entries };
  });
  return { headers, band };
}

/** The rows a band may take in a room `height` tall over a graph `graph` tall (DEFAULT_ROWS when the room is unknown). */
export const bandRows = (room: { height: number } | undefined, graph: number) =>
  room ? Math.max(MIN_ROWS, Math.floor((room.height - graph - BAND_GAP) / HEADER_LINE)) : DEFAULT_ROWS;
