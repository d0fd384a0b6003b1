import { operationOrder, type GotDocument, type OperationNode } from '../../engine/index';
import { DEFAULT_NODE_SIZE } from './autoLayout';
import { foldGroups, type FoldGroup } from './foldBranches';
import { groupKey } from './foldKey';
import type { XY } from './graphEdits';
import { wrapIntoRows, type ViewSize } from './wrapLayout';

/** The graph as the canvas draws it with some repeated branches folded into stacks. */
export interface FoldedView {
  /** The drawn operations at their drawn places, inputs pointing at drawn operations; the document itself when nothing is folded. */
  doc: GotDocument;
  /** Each folded stack's group, by its lead. */
  stacks: ReadonlyMap<string, FoldGroup>;
  /** The lead of the stack every hidden member is folded into. */
  leadOf: ReadonlyMap<string, string>;
}

/** Horizontal and vertical distance between layer columns and lanes: a node plus room for edges and the stack's back cards. */
const PITCH = { x: DEFAULT_NODE_SIZE.width + 80, y: DEFAULT_NODE_SIZE.height + 44 };

/**
 * Left-to-right layered places for the drawn operations: each one a layer right of its deepest
 * input, lanes in a layer ordered by where their inputs sit (then document order), so edges stay short.
 */
export function layeredPositions(doc: GotDocument): Record<string, XY> {
  const layer = new Map<string, number>();
  const lane = new Map<string, number>();
  const layers: OperationNode[][] = [];
  for (const op of operationOrder(doc, { keepCycles: true })) {
    const l = Math.max(-1, ...op.inputs.map((i) => layer.get(i) ?? -1)) + 1;
    layer.set(op.id, l);
    (layers[l] ??= []).push(op);
  }
  const index = new Map(doc.operations.map((o, i) => [o.id, i]));
  const out: Record<string, XY> = {};
  layers.forEach((ops, l) => {
    const centre = (o: OperationNode) => {
      const ys = o.inputs.map((i) => lane.get(i)).filter((y): y is number => y !== undefined);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : 0;
    };
    const sorted = [...ops].sort((a, b) => centre(a) - centre(b) || index.get(a.id)! - index.get(b.id)!);
    sorted.forEach((o, n) => {
      lane.set(o.id, n);
      out[o.id] = { x: l * PITCH.x, y: n * PITCH.y };
    });
  });
  return out;
}

/**
 * The document drawn with the groups whose keys are in `collapsed` folded into their leads: hidden
 * members' edges go to and from the lead, duplicates merged (a folded run of rounds is entered
 * through its first round and left from its lead); operations are laid out afresh (wrapped
 * for `view`), then moved where the user dragged them in this view. Comments belong to the unfolded
 * layout and are not drawn.
 */
export function foldedView(doc: GotDocument, collapsed: ReadonlySet<string>, view: ViewSize, moved: Readonly<Record<string, XY>> = {}): FoldedView {
  const stacks = new Map<string, FoldGroup>();
  const leadOf = new Map<string, string>();
  for (const g of foldGroups(doc)) {
    if (!collapsed.has(groupKey(g))) continue;
    stacks.set(g.lead, g);
    for (const m of g.members.slice(1)) leadOf.set(m, g.lead);
  }
  if (!stacks.size) return { doc, stacks, leadOf };
  const drawnId = (id: string) => leadOf.get(id) ?? id;
  const byId = new Map(doc.operations.map((o) => [o.id, o]));
  // Side by side, a stack is fed by all its members' inputs; rounds are fed through the first round only (later ones feed on earlier ones).
  const fedBy = (o: OperationNode) => (stacks.get(o.id)?.kind === 'parallel' ? stacks.get(o.id)!.members : [o.id]);
  const operations = doc.operations
    .filter((o) => !leadOf.has(o.id))
    .map((o) => ({ ...o, inputs: [...new Set(fedBy(o).flatMap((m) => byId.get(m)!.inputs).map(drawnId))].filter((i) => i !== o.id) }));
  const drawn: GotDocument = { ...doc, operations, comments: [] };
  const laid = layeredPositions(drawn);
  const places = { ...(wrapIntoRows(laid, view) ?? laid), ...moved };
  return { doc: { ...drawn, operations: operations.map((o) => ({ ...o, position: places[o.id] ?? { x: 0, y: 0 } })) }, stacks, leadOf };
}
