import type { GotDocument } from '../../engine/index';
import type { XY } from './graphEdits';

/** Node size used when the canvas has not measured a node yet. */
export const DEFAULT_NODE_SIZE = { width: 220, height: 96 };

/**
 * Layered left-to-right positions for every operation (elkjs), in input order so that edges into
 * one operation do not cross. Comments keep their places.
 */
export async function layoutPositions(doc: GotDocument, sizes: ReadonlyMap<string, { width: number; height: number }> = new Map()): Promise<Record<string, XY>> {
  // elkjs is large: loaded on first use, not at startup.
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '36',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: doc.operations.map((o) => ({ id: o.id, ...(sizes.get(o.id) ?? DEFAULT_NODE_SIZE) })),
    edges: doc.operations.flatMap((o) => o.inputs.map((i, n) => ({ id: `${i}->${o.id}#${n}`, sources: [i], targets: [o.id] }))),
  });
  const out: Record<string, XY> = {};
  for (const c of graph.children ?? []) out[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  return out;
}
