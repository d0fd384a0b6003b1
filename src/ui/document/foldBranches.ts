import { operationOrder, type GotDocument } from '../../engine/index';

export { groupKey } from './foldKey';

/**
 * Operations that repeat one step of a branch drawn once per part (GoT's "solve each of the 8
 * lists"): the same type and parameters up to part numbers, fed by steps that repeat in the same way.
 */
export interface FoldGroup {
  /** Side by side (one branch per part) or one after another (rounds of the same steps). */
  kind: 'parallel' | 'serial';
  /** The first member (in document order, or the first round): the folded stack is drawn and inspected as this operation. */
  lead: string;
  /** Every member, lead first. */
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
 * The repeated steps of a graph, both kinds, never sharing an operation: branches side by side
 * (parallelGroups) and rounds one after another (serialGroups) outside them, in document order.
 */
export function foldGroups(doc: GotDocument): FoldGroup[] {
  const parallel = parallelGroups(doc);
  const taken = new Set(parallel.flatMap((g) => g.members));
  const index = new Map(doc.operations.map((o, i) => [o.id, i]));
  return [...parallel, ...serialGroups(doc).filter((g) => !g.members.some((m) => taken.has(m)))].sort((a, b) => index.get(a.lead)! - index.get(b.lead)!);
}

/**
 * The groups of two or more operations that repeat the same step side by side: an operation's shape
 * is its type, its parameters without part numbers and the shapes of its inputs in order, so members
 * are never upstream of one another and a whole repeated branch folds step by step. Labels are ignored.
 */
export function parallelGroups(doc: GotDocument): FoldGroup[] {
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
    .map((members) => ({ kind: 'parallel' as const, lead: members[0]!, members }));
}

/**
 * Rounds: a run of two or more consecutive blocks of steps (in run order) alike in type, parameters
 * without part numbers and where their inputs sit relative to them, as ToT's "fix the best, round k"
 * repeats. One group per step of the block, its members that step in every round; the longest runs
 * are taken first.
 */
export function serialGroups(doc: GotDocument): FoldGroup[] {
  const order = operationOrder(doc);
  const at = new Map(order.map((o, i) => [o.id, i]));
  const sig = order.map((o, i) => JSON.stringify([o.type, partFree(o.params), o.inputs.map((x) => (at.get(x) ?? -Infinity) - i)]));
  const used = new Array<boolean>(order.length).fill(false);
  const groups: FoldGroup[] = [];
  for (;;) {
    let best: { start: number; period: number; rounds: number } | null = null;
    for (let period = 1; period * 2 <= order.length; period++) {
      for (let start = 0; start + 2 * period <= order.length; start++) {
        const steps = Array.from({ length: period }, (_, j) => j);
        if (steps.some((j) => used[start + j])) continue;
        const repeats = (round: number) => steps.every((j) => !used[start + round * period + j] && sig[start + round * period + j] === sig[start + j]);
        let rounds = 1;
        while (start + (rounds + 1) * period <= order.length && repeats(rounds)) rounds++;
        if (rounds > 1 && (!best || (rounds - 1) * period > (best.rounds - 1) * best.period)) best = { start, period, rounds };
      }
    }
    if (!best) break;
    for (let j = 0; j < best.period; j++) {
      const members = Array.from({ length: best.rounds }, (_, k) => order[best.start + k * best.period + j]!.id);
      groups.push({ kind: 'serial', lead: members[0]!, members });
    }
    for (let i = best.start; i < best.start + best.rounds * best.period; i++) used[i] = true;
  }
  return groups;
}


/** One title for a stack: the members' labels with differing part numbers shown as a range ("Pick List 1–8"), else the first label. */
export function stackLabel(labels: readonly string[]): string {
  const parts = labels.map((l) => l.split(/(\d+)/));
  const first = parts[0] ?? [''];
  const alike = parts.every((p) => p.length === first.length && p.every((t, i) => i % 2 === 1 || t === first[i]));
  if (!alike) return labels[0] ?? '';
  return first.map((t, i) => (i % 2 === 1 && parts.some((p) => p[i] !== t) ? `${t}–${parts[parts.length - 1]![i]}` : t)).join('');
}
