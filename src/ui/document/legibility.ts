/**
 * How big an operation's title is on screen. Near (zoom ≥ FAR_BELOW) a node shows its full face:
 * 13 px title, parameters and run figures. Farther out it shows its far face, as maps do: only the
 * title, set larger in flow pixels so it stays about 11 px on screen, up to a size that still fits
 * three lines in the node's box.
 */
export const FAR_BELOW = 0.8;
/** The title's size on the full face, in flow pixels. */
export const NEAR_TITLE_PX = 13;
/** The size a far title aims for on screen, and the largest it may be in flow pixels. */
export const FAR_TITLE = { screen: 11, maxFlow: 28 } as const;
/** A line of text is about this much taller than its font size (the font's ascent plus descent). */
const LINE_BOX = 1.08;
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
