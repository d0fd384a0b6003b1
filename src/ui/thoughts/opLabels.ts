import { operationRegistry, type GotDocument } from '../../engine/index';

const cache = new WeakMap<GotDocument, Map<string, { label: string; type: string }>>();

function entry(doc: GotDocument | null, opId: string | null): { label: string; type: string } | undefined {
  if (!doc || !opId) return undefined;
  let ops = cache.get(doc);
  if (!ops) {
    ops = new Map(doc.operations.map((o) => [o.id, { label: o.label || o.id, type: operationRegistry[o.type]?.definition.label ?? o.type }]));
    cache.set(doc, ops);
  }
  return ops.get(opId);
}

/** An operation's display name in a run's document (its label, else its id); cached per document. */
export function opLabelOf(doc: GotDocument | null, opId: string | null): string {
  if (!doc || !opId) return '';
  return entry(doc, opId)?.label ?? opId;
}

/** An operation's type as people read it ("Generate", "Keep Best N"), or '' when unknown. */
export function opTypeOf(doc: GotDocument | null, opId: string | null): string {
  return entry(doc, opId)?.type ?? '';
}
