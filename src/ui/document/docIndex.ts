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
