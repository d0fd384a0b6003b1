/** A box in the pane's CSS px. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the selection key may sit: inside the pane, between the bands its furniture leaves free (`top`, `bottom`). */
export interface KeyRoom {
  width: number;
  height: number;
  /** Below the toolbar on the left, and above the legend, zoom buttons and timeline. */
  top: number;
  bottom: number;
}

/** What the key should not cover, in pane px: operation headers never, then the fewest thoughts on screen, those it describes most of all. */
export interface KeyAvoid {
  headers: readonly Box[];
  /** Every card, pill or summary drawn. */
  nodes: readonly Box[];
  /** The thoughts the key describes (the selection and its highlighted ancestors). */
  described: readonly Box[];
}

const EDGE = 8;
const area = (a: Box, b: Box) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * The selection key's top-left in the pane: among its corners and the middles of its edges (top right
 * first), the spot that covers the least header text, then the fewest thoughts (a described one counts
 * three times), then the least of them by area.
 */
export function keySpot(room: KeyRoom, key: { width: number; height: number }, avoid: KeyAvoid): { x: number; y: number } {
  const right = room.width - EDGE - key.width;
  const mid = (room.width - key.width) / 2;
  const low = room.height - room.bottom - key.height;
  const middle = Math.max(room.top, (room.top + low) / 2);
  const spots = [
    { x: right, y: EDGE },
    { x: right, y: low },
    { x: EDGE, y: low },
    { x: EDGE, y: room.top },
    { x: mid, y: low },
    { x: mid, y: EDGE },
    { x: right, y: middle },
    { x: EDGE, y: middle },
  ];
  const cost = (s: { x: number; y: number }) => {
    const box = { ...s, ...key };
    const covered = (list: readonly Box[]) => list.filter((b) => area(box, b) > 0);
    const nodes = covered(avoid.nodes);
    return (
      avoid.headers.reduce((n, h) => n + area(box, h), 0) * 1e9 +
      (nodes.length + 2 * covered(avoid.described).length) * 1e5 +
      nodes.reduce((n, b) => n + area(box, b), 0) / 1e3
    );
  };
  return spots.reduce((best, s) => (cost(s) < cost(best) ? s : best));
}
