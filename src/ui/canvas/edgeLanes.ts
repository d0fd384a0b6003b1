import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from '../document/autoLayout';

/** Vertical extent assumed for a node when finding free horizontal lanes (a little over the usual height). */
const NODE_SPAN = DEFAULT_NODE_SIZE.height + 16;
const cache = new WeakMap<GotDocument, Array<[number, number]>>();

/** Free horizontal bands between operations (top to bottom), computed once per document version. */
function freeBands(doc: GotDocument): Array<[number, number]> {
  let bands = cache.get(doc);
  if (bands) return bands;
  const spans = doc.operations.map((o) => [o.position?.y ?? 0, (o.position?.y ?? 0) + NODE_SPAN] as [number, number]).sort((a, b) => a[0] - b[0]);
  bands = [];
  let end = -Infinity;
  for (const [top, bottom] of spans) {
    if (top > end && end > -Infinity) bands.push([end, top]);
    end = Math.max(end, bottom);
  }
  cache.set(doc, bands);
  return bands;
}

/**
 * The y of a free lane for an edge that runs backwards (its target left of its source, as where a
 * wrapped layout continues on the next row): the gap between rows nearest the target, else halfway.
 */
export function backwardLaneY(doc: GotDocument, sourceY: number, targetY: number): number {
  const lo = Math.min(sourceY, targetY);
  const hi = Math.max(sourceY, targetY);
  const inside = freeBands(doc).filter(([a, b]) => a >= lo - NODE_SPAN && b <= hi + NODE_SPAN && b - a >= 24);
  if (!inside.length) return (sourceY + targetY) / 2;
  const nearest = inside.reduce((best, band) => (Math.abs((band[0] + band[1]) / 2 - targetY) < Math.abs((best[0] + best[1]) / 2 - targetY) ? band : best));
  return (nearest[0] + nearest[1]) / 2;
}
