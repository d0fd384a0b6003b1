import type { GotDocument } from '../../engine/index';

const cache = new WeakMap<GotDocument, Map<string, string>>();

/** An operation's display name in a run's document (its label, else its id); cached per document. */
export function opLabelOf(doc: GotDocument | null, opId: string | null): string {
  if (!doc || !opId) return '';
  let labels = cache.get(doc);
  if (!labels) {
    labels = new Map(doc.operations.map((o) => [o.id, o.label || o.id]));
    cache.set(doc, labels);
  }
  return labels.get(opId) ?? opId;
}
