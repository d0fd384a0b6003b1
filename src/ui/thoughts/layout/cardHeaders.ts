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
import { LANE_HEAD_OVERHANG, LANE_HEADER, LANE_WIDTH, type LaneBox } from './laneLayout';

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
 * the graph's left edge, y from the band's top, in band px) and height (band px). A header whose column starts in the
 * pane ends inside it (less its padding); one further right (off the pane) may run to the graph's right edge.
 * At `scale` (1.5 while presenting) the band is drawn that much larger: a band px is `scale` screen px.
 */
export function cardBand(
  columns: readonly CardColumn[],
  text: HeaderText,
  zoom: number,
  pane: { width: number; height: number },
  left: number,
  pad: number,
  scale = 1,
) {
  const graphRight = (Math.max(0, ...columns.map((c) => c.x + LANE_WIDTH)) * zoom) / scale;
  const paneRight = (pane.width - pad - left) / scale;
  return placeHeaders(
    columns.map((c) => ({ ...c, x: (c.x * zoom) / scale })),
    text,
    cardBandRows(pane.height / scale),
    (tick) => (tick < paneRight ? paneRight : Math.max(graphRight, paneRight)),
  );
}

/** The text width of a lane's head (layout px) as thoughts.css lays it out: the head is LANE_HEAD_OVERHANG wider than the lane, padded 10 px a side. */
const HEAD_TEXT = LANE_WIDTH + LANE_HEAD_OVERHANG - 20;
/** How much wider bold type runs than the regular type `measure` gives, with a margin (DejaVu Sans Bold is about 15% wider). */
const BOLD = 1.2;

/** A lane head's type size in thoughts.css: clamp(min, screen / zoom, max) in flow px. */
export type HeadType = { min: number; screen: number; max: number };
/** The lane heads' label and type sizes: the editor's (thoughts.css), and presenting's 1.5× (present.css). */
export const HEAD_TYPE = {
  editor: { label: { min: 13, screen: 10.5, max: 40 }, type: { min: 12, screen: 10.5, max: 17.5 } },
  presenting: { label: { min: 19.5, screen: 15.75, max: 40 }, type: { min: 13, screen: 15.75, max: 26 } },
} as const satisfies Record<string, { label: HeadType; type: HeadType }>;
/** A head's line box over its type size (thoughts.css's line-height). */
const HEAD_LINE = 1.15;

const headFlow = (t: HeadType, zoom: number) => Math.min(Math.max(t.min, t.screen / zoom), t.max);

/** Whether a lane's head holds both its lines at `zoom` (else it shows only its label), each at least its screen size. */
export function headLinesFit(zoom: number, sizes: { label: HeadType; type: HeadType } = HEAD_TYPE.editor): boolean {
  const label = headFlow(sizes.label, zoom);
  const type = headFlow(sizes.type, zoom);
  return type * zoom >= sizes.type.screen - 0.01 && (label + type) * HEAD_LINE <= LANE_HEADER + 0.5;
}

/**
 * Whether every lane's head shows its label (bold) and type whole at `zoom`, at `sizes` (the editor's, or
 * presenting's): each line as wide as the head's text, both lines inside the head's height. Sizes on screen
 * are then at least their `screen` size (10.5 px, or 15.75 presenting) up to the zoom where `max` holds them.
 */
export function titlesFit(
  ops: readonly string[],
  text: HeaderText,
  zoom: number,
  sizes: { label: HeadType; type: HeadType } = HEAD_TYPE.editor,
): boolean {
  const room = HEAD_TEXT * zoom;
  const label = headFlow(sizes.label, zoom);
  const type = headFlow(sizes.type, zoom);
  // Below the zoom where `max` holds a size, it is under its screen size: not whole in the sense that matters.
  if (label * zoom < sizes.label.screen - 0.01 || !headLinesFit(zoom, sizes)) return false;
  return ops.every((op) => {
    const n = text.name(op);
    return (
      (text.measure(n.label) * label * zoom * BOLD) / HEADER_FONT <= room &&
      (text.measure(n.type || 'the run’s input') * type * zoom) / HEADER_FONT <= room
    );
  });
}
