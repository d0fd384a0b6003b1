import type { GotDocument, OperationNode, CanvasComment } from '../../engine/index';

const opCache = new WeakMap<GotDocument, Map<string, OperationNode>>();
const commentCache = new WeakMap<GotDocument, Map<string, CanvasComment>>();

/** Operations by id, computed once per document version. */
export function opIndex(doc: GotDocument): Map<string, OperationNode> {
  let m = opCache.get(doc);
  if (!m) {
    m = new Map(doc.operations.map((o) => [o.id, o]));
    opCache.set(doc, m);
  }
  return m;
}

/** Comments by id, computed once per document version. */
export function commentIndex(doc: GotDocument): Map<string, CanvasComment> {
  let m = commentCache.get(doc);
  if (!m) {
    m = new Map(doc.comments.map((c) => [c.id, c]));
    commentCache.set(doc, m);
  }
  return m;
}

/** Operations in dependency order (Kahn); operations on a cycle are left out. */
export function topologicalOrder(doc: GotDocument): OperationNode[] {
  const byId = opIndex(doc);
  const pending = new Map(doc.operations.map((o) => [o.id, o.inputs.filter((i) => byId.has(i)).length]));
  const succ = new Map<string, string[]>();
  for (const o of doc.operations) for (const i of o.inputs) if (byId.has(i)) succ.set(i, [...(succ.get(i) ?? []), o.id]);
  const queue = doc.operations.filter((o) => pending.get(o.id) === 0).map((o) => o.id);
  const out: OperationNode[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    out.push(byId.get(id)!);
    for (const s of succ.get(id) ?? []) {
      const left = pending.get(s)! - 1;
      pending.set(s, left);
      if (left === 0) queue.push(s);
    }
  }
  return out;
}
