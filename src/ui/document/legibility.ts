/**
 * How big an operation's title is on screen. Near (zoom ≥ FAR_BELOW) a node shows its full face:
 * 13 px title, parameters and run figures. Farther out it shows its far face, as maps do: only the
 * title, set larger in flow pixels so it stays about 11 px on screen, up to a size that still fits
 * three lines in the node's box. The full face's least type is 11 px (its run strip and notes), so it
 * shows from the zoom where that is 10.5 px on screen (at 0.8 it read 8.8 px).
 */
export const FAR_BELOW = 10.5 / 11;
/** The title's size on the full face, in flow pixels. */
export const NEAR_TITLE_PX = 13;
/** The size a far title aims for on screen, and the largest it may be in flow pixels. */
export const FAR_TITLE = { screen: 11, maxFlow: 28 } as const;
/** A line of text is about this much taller than its font size (the font's ascent plus descent). */
const LINE_BOX = 1.08;
/** The least type size the canvases draw a word or figure at, in CSS pixels on screen (1.5× while presenting). */
export const LEAST_TYPE_PX = 10.5;
/** The smallest line of text a reader can be expected to read, in CSS pixels on screen. */
export const LEGIBLE_LINE_PX = 10;

/** The far face's title size in flow pixels at `zoom`. */
export function farTitlePx(zoom: number): number {
  return Math.min(FAR_TITLE.maxFlow, Math.max(NEAR_TITLE_PX, FAR_TITLE.screen / Math.max(zoom, 0.01)));
}

/** How tall one line of a node title is on screen at `zoom`, in CSS pixels. */
export function titleLinePx(zoom: number): number {
  return (zoom >= FAR_BELOW ? NEAR_TITLE_PX : farTitlePx(zoom)) * zoom * LINE_BOX;
}

/** The smallest zoom at which node titles still read (a line at least LEGIBLE_LINE_PX tall). */
export const LEGIBLE_ZOOM = LEGIBLE_LINE_PX / (FAR_TITLE.maxFlow * LINE_BOX);

/**
 * An edge's labels (the thoughts it carries, its place among the target's inputs): 11 px in flow
 * pixels near, set larger as the canvas zooms out so they stay `screenPx` on screen, up to the size
 * that still fits the gap between two columns. Farther out they are not drawn (their figures are in
 * the edge's tooltip): a count at 4–9 px is not a count anyone reads.
 */
export const EDGE_LABEL = { flow: 11, maxFlow: 14, screen: LEAST_TYPE_PX } as const;

/** An edge label's size in flow pixels at `zoom`, or null where it cannot be both legible and inside its gap. */
export function edgeLabelPx(zoom: number, screenPx: number = EDGE_LABEL.screen): number | null {
  const px = Math.max(EDGE_LABEL.flow, screenPx / Math.max(zoom, 0.01));
  return px <= EDGE_LABEL.maxFlow + 1e-9 ? px : null;
}
