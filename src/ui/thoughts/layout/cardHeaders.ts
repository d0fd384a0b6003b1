import {
  columnEntries,
  HEADER_FONT,
  laneTags,
  MIN_ROWS,
  placeHeaders,
  type HeaderColumn,
  type HeaderEntry,
  type HeaderText,
} from './farHeaders';
import { LANE_HEAD_OVERHANG, LANE_WIDTH, type LaneBox } from './laneLayout';

/*
 * The card level's header band: when a lane's head would cut its title (zoomed out), the columns are
 * named in a band that stays at the top of the pane, placed as the far level's headers are (farHeaders.ts)
 * at the columns' screen x, and the lanes of a column that differ show their tag in their head instead.
 */

/** A column of the card layout (x in layout units) with its header's lines. */
export type CardColumn = HeaderColumn & { entries: HeaderEntry[] };

/** The card layout's columns with their header lines, and the tag of each lane whose column's lanes differ. */
export function cardColumns(lanes: readonly LaneBox[], text: HeaderText): { columns: CardColumn[]; tags: Map<string, string> } {
  const byColumn = new Map<number, LaneBox[]>();
  for (const l of lanes) byColumn.set(l.column, [...(byColumn.get(l.column) ?? []), l]);
  const tags = new Map<string, string>();
  const columns = [...byColumn].map(([column, boxes]) => {
    const col = { column, x: boxes[0]?.x ?? 0, lanes: boxes.map((b) => ({ id: b.opId, ops: [b.opId] })) };
    const entries = columnEntries(
      boxes.map((b) => b.opId),
      text,
    );
    for (const [lane, tag] of laneTags(col, entries, text)) tags.set(lane, tag);
    return { ...col, entries };
  });
  return { columns, tags };
}

/** The rows a card band may stack in a pane `height` px tall: a row per 36 px of pane (13 in a 480-px pane), never under MIN_ROWS; it takes only the rows its headers need. */
export const cardBandRows = (height: number) => Math.max(MIN_ROWS, Math.floor(height / 36));

/**
 * The band at `zoom` with the graph's left edge `left` px into a pane `width` px wide: its headers (x from
 * the graph's left edge, y from the band's top, screen px) and height. A header whose column starts in the
 * pane ends inside it (less its padding); one further right (off the pane) may run to the graph's right edge.
 */
export function cardBand(
  columns: readonly CardColumn[],
  text: HeaderText,
  zoom: number,
  pane: { width: number; height: number },
  left: number,
  pad: number,
) {
  const graphRight = Math.max(0, ...columns.map((c) => c.x + LANE_WIDTH)) * zoom;
  const paneRight = pane.width - pad - left;
  return placeHeaders(
    columns.map((c) => ({ ...c, x: c.x * zoom })),
    text,
    cardBandRows(pane.height),
    (tick) => (tick < paneRight ? paneRight : Math.max(graphRight, paneRight)),
  );
}

/** The text width of a lane's head (layout px) as thoughts.css lays it out: the head is LANE_HEAD_OVERHANG wider than the lane, padded 10 px a side. */
const HEAD_TEXT = LANE_WIDTH + LANE_HEAD_OVERHANG - 20;
/** How much wider bold type runs than the regular type `measure` gives, with a margin (DejaVu Sans Bold is about 15% wider). */
const BOLD = 1.2;

/**
 * Whether every lane's head shows its label (bold, clamp(13px, 10.5px / zoom, 40px) in thoughts.css) and
 * type (clamp(12px, 10.5px / zoom, 17.5px)) whole at `zoom`; both are then ≥ 10 px on screen.
 */
export function titlesFit(ops: readonly string[], text: HeaderText, zoom: number): boolean {
  const room = HEAD_TEXT * zoom;
  const label = Math.min(Math.max(13 * zoom, 10.5), 40 * zoom);
  const type = Math.min(Math.max(12 * zoom, 10.5), 17.5 * zoom);
  return ops.every((op) => {
    const n = text.name(op);
    return (
      (text.measure(n.label) * label * BOLD) / HEADER_FONT <= room &&
      (text.measure(n.type || 'the run’s input') * type) / HEADER_FONT <= room
    );
  });
}
