import type { GotDocument, OperationNode } from './document';
import { opName, type Diagnostic } from './diagnostics';

/** The edge structure of a document after dropping bad edges and duplicate ids. */
export interface Structure {
  /** Operations with a unique id, in document order. */
  ops: OperationNode[];
  /** Document position of each kept operation (ties in the topological order follow it). */
  index: Map<string, number>;
  /** Valid predecessors of each operation, in edge order. */
  preds: Map<string, string[]>;
  /** Topological order of the operations not on or behind a cycle. */
  order: string[];
  diagnostics: Diagnostic[];
}

/** Checks ids and edges, orders the operations, and names every cycle. */
export function analyzeStructure(doc: GotDocument): Structure {
  const diagnostics: Diagnostic[] = [];
  const ops: OperationNode[] = [];
  const index = new Map<string, number>();
  const byId = new Map<string, OperationNode>();
  for (const op of doc.operations) {
    const first = byId.get(op.id);
    if (first) {
      diagnostics.push({
        severity: 'error',
        code: 'duplicate-id',
        message: `${opName(op.type, op.id)}: another operation (${opName(first.type, first.id)}) already has the id '${op.id}'; ids must be unique`,
        opId: op.id,
        field: 'id',
      });
      continue;
    }
    byId.set(op.id, op);
    index.set(op.id, ops.length);
    ops.push(op);
  }

  const preds = new Map<string, string[]>();
  for (const op of ops) {
    const seen = new Set<string>();
    const list: string[] = [];
    for (const from of op.inputs) {
      const edge = { from, to: op.id };
      const name = opName(op.type, op.id);
      if (from === op.id) {
        diagnostics.push({
          severity: 'error',
          code: 'self-loop',
          message: `${name} lists itself as an input; an operation cannot feed itself`,
          opId: op.id,
          field: 'inputs',
          edge,
        });
      } else if (seen.has(from)) {
        diagnostics.push({
          severity: 'error',
          code: 'duplicate-edge',
          message: `${name} lists input '${from}' twice; remove the duplicate edge`,
          opId: op.id,
          field: 'inputs',
          edge,
        });
      } else if (!byId.has(from)) {
        diagnostics.push({
          severity: 'error',
          code: 'dangling-edge',
          message: `${name} has an input '${from}' but no operation has that id`,
          opId: op.id,
          field: 'inputs',
          edge,
        });
      } else {
        list.push(from);
      }
      seen.add(from);
    }
    preds.set(op.id, list);
  }

  const order = topologicalOrder(ops, preds, index);
  if (order.length < ops.length) {
    const placed = new Set(order);
    for (const cycle of findCycles(
      ops.filter((o) => !placed.has(o.id)),
      preds,
      index,
    )) {
      const first = byId.get(cycle[0] as string) as OperationNode;
      const names = cycle.map((id) => opName(byId.get(id)?.type ?? '', id));
      diagnostics.push({
        severity: 'error',
        code: 'cycle',
        message: `cycle: ${[...names, names[0]].join(' → ')}; a Graph of Operations must not loop back on itself`,
        opId: first.id,
        field: 'inputs',
        edge: { from: cycle[cycle.length - 1] as string, to: first.id },
      });
    }
  }
  return { ops, index, preds, order, diagnostics };
}

/**
 * A document's operations in dataflow order (Kahn's algorithm; among ready operations the earliest
 * in the document goes first: the order a CheckedGraph has). Works on any document, valid or not:
 * duplicate ids and edges to unknown operations are ignored, and operations on or behind a cycle
 * are left out, or with `keepCycles` follow in document order (so a UI can still list them).
 */
export function operationOrder(doc: GotDocument, options: { keepCycles?: boolean } = {}): OperationNode[] {
  const { ops, order } = analyzeStructure(doc);
  const byId = new Map(ops.map((o) => [o.id, o]));
  const sorted = order.map((id) => byId.get(id) as OperationNode);
  if (!options.keepCycles || sorted.length === ops.length) return sorted;
  const placed = new Set(order);
  return [...sorted, ...ops.filter((o) => !placed.has(o.id))];
}

/** Kahn's algorithm; among ready operations the earliest in the document goes first. */
function topologicalOrder(ops: readonly OperationNode[], preds: Map<string, string[]>, index: Map<string, number>): string[] {
  const indegree = new Map<string, number>();
  const succ = new Map<string, string[]>();
  for (const op of ops) {
    const ps = preds.get(op.id) ?? [];
    indegree.set(op.id, ps.length);
    for (const p of ps) {
      const list = succ.get(p);
      if (list) list.push(op.id);
      else succ.set(p, [op.id]);
    }
  }
  // Ready list kept sorted by document position, descending, so pop() yields the earliest.
  const ready = ops
    .filter((o) => indegree.get(o.id) === 0)
    .map((o) => o.id)
    .reverse();
  const pos = (id: string): number => index.get(id) ?? 0;
  const order: string[] = [];
  while (ready.length) {
    const id = ready.pop() as string;
    order.push(id);
    for (const s of succ.get(id) ?? []) {
      const d = (indegree.get(s) ?? 0) - 1;
      indegree.set(s, d);
      if (d === 0) {
        let lo = 0;
        let hi = ready.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (pos(ready[mid] as string) > pos(s)) lo = mid + 1;
          else hi = mid;
        }
        ready.splice(lo, 0, s);
      }
    }
  }
  return order;
}

/** One cycle (in edge direction) per strongly connected component of the leftover operations. */
function findCycles(rest: readonly OperationNode[], preds: Map<string, string[]>, index: Map<string, number>): string[][] {
  const inRest = new Set(rest.map((o) => o.id));
  const succ = new Map<string, string[]>();
  for (const op of rest) {
    for (const p of preds.get(op.id) ?? []) {
      if (inRest.has(p)) succ.set(p, [...(succ.get(p) ?? []), op.id]);
    }
  }
  const cycles: string[][] = [];
  const covered = new Set<string>();
  for (const start of rest) {
    if (covered.has(start.id)) continue;
    // Follow a DFS path until it returns to a node on the path: that stretch is a cycle.
    const path: string[] = [];
    const onPath = new Map<string, number>();
    const visited = new Set<string>();
    const dfs = (id: string): string[] | null => {
      onPath.set(id, path.length);
      path.push(id);
      visited.add(id);
      for (const s of succ.get(id) ?? []) {
        const at = onPath.get(s);
        if (at !== undefined) return path.slice(at);
        if (!visited.has(s) && !covered.has(s)) {
          const found = dfs(s);
          if (found) return found;
        }
      }
      path.pop();
      onPath.delete(id);
      return null;
    };
    const cycle = dfs(start.id);
    if (!cycle) continue;
    // Start the cycle at its earliest operation in the document, for a stable message.
    let k = 0;
    cycle.forEach((id, i) => {
      if ((index.get(id) ?? 0) < (index.get(cycle[k] as string) ?? 0)) k = i;
    });
    const rotated = [...cycle.slice(k), ...cycle.slice(0, k)];
    cycles.push(rotated);
    markReachableBothWays(rotated, succ, preds, inRest, covered);
  }
  return cycles;
}

/** Marks the strongly connected component around a cycle so it is reported once. */
function markReachableBothWays(
  cycle: string[],
  succ: Map<string, string[]>,
  preds: Map<string, string[]>,
  inRest: Set<string>,
  covered: Set<string>,
): void {
  const reach = (from: string[], next: (id: string) => string[]): Set<string> => {
    const seen = new Set(from);
    const stack = [...from];
    while (stack.length) {
      for (const n of next(stack.pop() as string)) {
        if (inRest.has(n) && !seen.has(n)) {
          seen.add(n);
          stack.push(n);
        }
      }
    }
    return seen;
  };
  const fwd = reach(cycle, (id) => succ.get(id) ?? []);
  const back = reach(cycle, (id) => preds.get(id) ?? []);
  for (const id of fwd) if (back.has(id)) covered.add(id);
}
