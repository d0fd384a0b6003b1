import type { GotDocument } from '../graph/document';
import { operationDefinitions } from '../operations/definitions';

/** Per document: each operation's upstream operations (transitive inputs), and which operations are filters. */
interface Topology {
  upstream: Map<string, Set<string>>;
  filters: Set<string>;
}

const cache = new WeakMap<GotDocument, Topology>();

/** The GoO facts the reducer needs to decide whether a drop by one filter stands (cached per document object). */
export function topologyOf(doc: GotDocument): Topology {
  const known = cache.get(doc);
  if (known) return known;
  const inputs = new Map(doc.operations.map((o) => [o.id, o.inputs]));
  const upstream = new Map<string, Set<string>>();
  const visit = (id: string, seen: Set<string>): Set<string> => {
    const done = upstream.get(id);
    if (done) return done;
    const set = new Set<string>();
    // The document was validated before it ran, but a recording may come from anywhere: stop on cycles.
    if (seen.has(id)) return set;
    seen.add(id);
    for (const p of inputs.get(id) ?? []) {
      set.add(p);
      for (const u of visit(p, seen)) set.add(u);
    }
    upstream.set(id, set);
    return set;
  };
  for (const o of doc.operations) visit(o.id, new Set());
  const filters = new Set(doc.operations.filter((o) => operationDefinitions[o.type]?.category === 'filter').map((o) => o.id));
  const topology = { upstream, filters };
  cache.set(doc, topology);
  return topology;
}
