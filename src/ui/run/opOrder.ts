import { scoreHigherIsBetter, type GotDocument, type OperationId } from '../../engine/index';

/** Operation ids in a topological order (inputs first; ties keep document order), and each one's successors. */
export function operationOrder(doc: GotDocument): { order: OperationId[]; successors: Map<string, string[]> } {
  const successors = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const op of doc.operations) {
    indegree.set(op.id, op.inputs.length);
    for (const from of op.inputs) successors.set(from, [...(successors.get(from) ?? []), op.id]);
  }
  const ready = doc.operations.filter((op) => op.inputs.length === 0).map((op) => op.id);
  const order: OperationId[] = [];
  while (ready.length) {
    const id = ready.shift() as string;
    order.push(id as OperationId);
    for (const next of successors.get(id) ?? []) {
      const left = (indegree.get(next) ?? 1) - 1;
      indegree.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  // A cyclic document never runs; list any leftovers so their nodes still get a status.
  for (const op of doc.operations) if (!order.includes(op.id as OperationId)) order.push(op.id as OperationId);
  return { order, successors };
}

/** Whether the graph's scores are better when higher, by the engine's rule (last Keep Best N, else the task). */
export const higherIsBetterOf = (doc: GotDocument): boolean => {
  const byId = new Map(doc.operations.map((op) => [op.id, op]));
  const operations = operationOrder(doc).order.flatMap((id) => byId.get(id) ?? []);
  return scoreHigherIsBetter({ document: doc, operations });
};
