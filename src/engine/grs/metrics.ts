import { Lineage } from './lineage';

/** A vertex as metrics need it: its kind and parents. */
export interface LineageNode {
  id: string;
  kind: 'input' | 'llm';
  parents: readonly string[];
}

/** Volume and latency of one vertex (see got-semantics.md, "Volume and latency"). */
export interface HopMetrics {
  volume: number;
  latency: number;
}

/**
 * Volume and latency of every vertex of a GRS given parents-first. The scheduler computes the
 * same numbers incrementally; this is for hand-built graphs and for checking a recording.
 */
export function hopMetrics(nodes: readonly LineageNode[]): Map<string, HopMetrics> {
  const lineage = new Lineage();
  const out = new Map<string, HopMetrics>();
  for (const node of nodes) {
    const llm = node.kind === 'llm';
    const volume = lineage.add(node.id, node.parents, llm);
    let latency = 0;
    if (llm) {
      for (const p of node.parents) latency = Math.max(latency, out.get(p)?.latency ?? 0);
      latency += 1;
    }
    out.set(node.id, { volume, latency });
  }
  return out;
}
