import { NEAR_TITLE_PX } from '../document/legibility';

/** How much larger type is while presenting than the editor's legibility targets. */
export const PRESENT_TYPE_SCALE = 1.5;
/** A title's size on screen while presenting: 1.5 × the editor's largest, the full face's 13 px at 100 %. */
export const PRESENT_FAR_SCREEN_PX = NEAR_TITLE_PX * PRESENT_TYPE_SCALE;
/** Below this zoom nodes show their far face while presenting: the full face's 13 px title would be under the far face's size. */
export const PRESENT_FAR_BELOW = PRESENT_FAR_SCREEN_PX / NEAR_TITLE_PX;
/** The largest far title in flow pixels: two lines (present.css clamps to two, line-height 1.08) still fit the node's 96 px box. */
export const PRESENT_FAR_MAX_FLOW = 44;
/** The least zoom at which a presented title keeps its full screen size. */
export const PRESENT_MIN_ZOOM = PRESENT_FAR_SCREEN_PX / PRESENT_FAR_MAX_FLOW;

/** The far face's title size in flow pixels at `zoom` while presenting. */
export function presentFarTitlePx(zoom: number): number {
  return Math.min(PRESENT_FAR_MAX_FLOW, Math.max(NEAR_TITLE_PX, PRESENT_FAR_SCREEN_PX / Math.max(zoom, 0.01)));
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * The presented Operations canvas: the whole graph when it fits with titles at full presenting
 * size (never above 1.5×), else at that size centred on the operation in focus (or the graph's
 * start), kept inside the graph's bounds.
 */
export function presentViewport(
  graph: Box,
  view: { width: number; height: number },
  focus: Box | null,
  margin = 24,
): { x: number; y: number; zoom: number } {
  const room = { width: Math.max(1, view.width - 2 * margin), height: Math.max(1, view.height - 2 * margin) };
  const fit = Math.min(PRESENT_TYPE_SCALE, room.width / Math.max(1, graph.width), room.height / Math.max(1, graph.height));
  if (fit >= PRESENT_MIN_ZOOM) {
    return { zoom: fit, x: view.width / 2 - (graph.x + graph.width / 2) * fit, y: view.height / 2 - (graph.y + graph.height / 2) * fit };
  }
  const zoom = PRESENT_MIN_ZOOM;
  const target = focus ?? { x: graph.x, y: graph.y, width: 0, height: 0 };
  // Centre on the focus, but never scroll past the graph's edges where the graph is larger than the view.
  const centre = (from: number, span: number, at: number, size: number) => {
    const half = size / 2 / zoom;
    if (span * zoom <= size) return from + span / 2;
    return Math.min(Math.max(at, from + half - margin / zoom), from + span - half + margin / zoom);
  };
  const cx = centre(graph.x, graph.width, target.x + target.width / 2, view.width);
  const cy = centre(graph.y, graph.height, target.y + target.height / 2, view.height);
  return { zoom, x: view.width / 2 - cx * zoom, y: view.height / 2 - cy * zoom };
}

/** The least and largest zoom at which presenting frames the thoughts in focus (compact figures stay ≥ 1.5× the editor's). */
export const PRESENT_FRAME_ZOOM = { min: 0.6, max: 1.4 } as const;

/** A viewport that frames `box` in `view` with room around it, at a zoom within `limits`. */
export function frameViewport(
  box: Box,
  view: { width: number; height: number },
  limits: { min: number; max: number } = PRESENT_FRAME_ZOOM,
): { x: number; y: number; zoom: number } {
  const fit = Math.min((view.width * 0.85) / Math.max(1, box.width), (view.height * 0.85) / Math.max(1, box.height));
  const zoom = Math.min(limits.max, Math.max(limits.min, fit));
  return { zoom, x: view.width / 2 - (box.x + box.width / 2) * zoom, y: view.height / 2 - (box.y + box.height / 2) * zoom };
}
