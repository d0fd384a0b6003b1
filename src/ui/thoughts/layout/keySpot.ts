/** A box in the pane's CSS px. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the selection key may sit: the pane's corners, inside the bands its furniture leaves free (`top`, `bottom`), first choice first. */
export interface KeyRoom {
  width: number;
  height: number;
  /** Below the toolbar on the left, and above the legend, zoom buttons and timeline. */
  top: number;
  bottom: number;
}

const EDGE = 8;
const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * The selection key's top-left in the pane: the corner (top right first, then bottom right, bottom left,
 * top left) where it covers the least header text, then the fewest of the thoughts it describes.
 */
export function keySpot(room: KeyRoom, key: { width: number; height: number }, headers: readonly Box[], described: readonly Box[]): { x: number; y: number } {
  const right = room.width - EDGE - key.width;
  const low = room.height - room.bottom - key.height;
  const spots = [
    { x: right, y: EDGE },
    { x: right, y: low },
    { x: EDGE, y: low },
    { x: EDGE, y: room.top },
  ];
  const cost = (s: { x: number; y: number }) => {
    const box = { ...s, ...key };
    return headers.reduce((n, h) => n + area(box, h), 0) * 1e6 + described.filter((d) => area(box, d) > 0).length;
  };
  return spots.reduce((best, s) => (cost(s) < cost(best) ? s : best));
}
