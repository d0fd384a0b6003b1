import { operationOrder, type GotDocument } from '../../engine/index';

/**
 * Operations that repeat one step of a branch drawn once per part (GoT's "solve each of the 8
 * lists"): the same type and parameters up to part numbers, fed by steps that repeat in the same way.
 */
export interface FoldGroup {
  /** The first member in document order: the folded stack is drawn and inspected as this operation. */
  lead: string;
  /** Every member, in document order. */
  members: readonly string[];
}

/** Numbers inside text are part indices ("List 3", `state.part == "List 3"`): they may differ between repeats. */
function partFree(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\d+/g, '#');
  if (Array.isArray(value)) return value.map(partFree);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, partFree(v)]));
  return value;
}

/**
 * The groups of two or more operations that repeat the same step: an operation's shape is its type,
 * its parameters without part numbers and the shapes of its inputs in order, so members are never
 * upstream of one another and a whole repeated branch folds step by step. Labels are ignored.
 */
export function foldGroups(doc: GotDocument): FoldGroup[] {
  const shapeIds = new Map<string, number>();
  const shapeOf = new Map<string, number>();
  const byShape = new Map<number, string[]>();
  for (const op of operationOrder(doc)) {
    const inputs = op.inputs.map((i) => shapeOf.get(i) ?? -1);
    const key = JSON.stringify([op.type, partFree(op.params), inputs]);
    let shape = shapeIds.get(key);
    if (shape === undefined) shapeIds.set(key, (shape = shapeIds.size));
    shapeOf.set(op.id, shape);
    byShape.set(shape, [...(byShape.get(shape) ?? []), op.id]);
  }
  const index = new Map(doc.operations.map((o, i) => [o.id, i]));
  return [...byShape.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => ids.sort((a, b) => index.get(a)! - index.get(b)!))
    .map((members) => ({ lead: members[0]!, members }))
    .sort((a, b) => index.get(a.lead)! - index.get(b.lead)!);
}

/** A group's identity across edits: the exact member list (a new duplicate or a changed member makes a new group). */
export const groupKey = (g: Pick<FoldGroup, 'members'>): string => g.members.join('\n');

/** One title for a stack: the members' labels with differing part numbers shown as a range ("Pick List 1–8"), else the first label. */
export function stackLabel(labels: readonly string[]): string {
  const parts = labels.map((l) => l.split(/(\d+)/));
  const first = parts[0] ?? [''];
  const alike = parts.every((p) => p.length === first.length && p.every((t, i) => i % 2 === 1 || t === first[i]));
  if (!alike) return labels[0] ?? '';
  return first.map((t, i) => (i % 2 === 1 && parts.some((p) => p[i] !== t) ? `${t}–${parts[parts.length - 1]![i]}` : t)).join('');
}
