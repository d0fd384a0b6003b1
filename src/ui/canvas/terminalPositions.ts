import type { GotDocument } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from '../document/autoLayout';
import type { XY } from '../document/graphEdits';
import { overlaps } from '../document/placement';

/** About the size of the input and final-thoughts nodes (for fitting the view before they are measured). */
export const TERMINAL_SIZE = { width: 180, height: 76 };

/**
 * Where the input and final-thoughts nodes sit: left of the operations that start from the input
 * and right of the operations nothing follows, level with them (so wrapped rows read start to end).
 */
export function terminalPositions(doc: GotDocument): { input: XY; output: XY } {
  if (!doc.operations.length) return { input: { x: 0, y: 0 }, output: { x: 600, y: 0 } };
  const fed = new Set(doc.operations.flatMap((o) => o.inputs));
  const pos = (o: GotDocument['operations'][number]) => o.position ?? { x: 0, y: 0 };
  const roots = doc.operations.filter((o) => !o.inputs.length);
  const sinks = doc.operations.filter((o) => !fed.has(o.id));
  const starts = (roots.length ? roots : doc.operations).map(pos);
  const ends = (sinks.length ? sinks : doc.operations).map(pos);
  const midY = (ps: XY[]) => (Math.min(...ps.map((p) => p.y)) + Math.max(...ps.map((p) => p.y))) / 2 + (DEFAULT_NODE_SIZE.height - TERMINAL_SIZE.height) / 2;
  const boxes = doc.operations.map((o) => ({ ...pos(o), ...DEFAULT_NODE_SIZE }));
  return {
    input: clear({ x: Math.min(...doc.operations.map((o) => pos(o).x)) - 200, y: midY(starts) }, boxes, -1),
    output: clear({ x: Math.max(...ends.map((p) => p.x)) + DEFAULT_NODE_SIZE.width + 80, y: midY(ends) }, boxes, 1),
  };
}

/** Moves a terminal node sideways (`dir` -1 left, 1 right) until it sits on no operation: a wrapped or hand-made layout may have one where it would go. */
function clear(at: XY, boxes: ReadonlyArray<XY & { width: number; height: number }>, dir: -1 | 1): XY {
  const p = { ...at };
  for (let hit = boxes.find((b) => overlaps({ ...p, ...TERMINAL_SIZE }, b, { x: 20, y: 0 })); hit; hit = boxes.find((b) => overlaps({ ...p, ...TERMINAL_SIZE }, b, { x: 20, y: 0 }))) {
    p.x = dir > 0 ? hit.x + hit.width + 40 : hit.x - TERMINAL_SIZE.width - 40;
  }
  return p;
}
