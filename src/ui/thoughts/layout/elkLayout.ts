import type { ELK, ElkNode } from 'elkjs/lib/elk-api';
import { CARD_HEIGHT, CARD_WIDTH, COLUMN_GAP, ROW_GAP, type LayoutItem, type Point } from './quickLayout';

/**
 * ELK's layered layout with one partition per latency, so columns still read as hops from the
 * input while ELK minimises edge crossings within them. Runs wherever `elk` runs (a worker in the app).
 */
export async function elkLayout(items: readonly LayoutItem[], elk: ELK): Promise<Map<string, Point>> {
  const ids = new Set(items.map((i) => i.id));
  const graph: ElkNode = {
    id: 'grs',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.partitioning.activate': 'true',
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
      'elk.spacing.nodeNode': String(ROW_GAP),
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.crossingMinimization.thoroughness': items.length > 500 ? '1' : '7',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: items.map((item) => ({
      id: item.id,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      layoutOptions: { 'elk.partitioning.partition': String(item.latency) },
    })),
    edges: items.flatMap((item) =>
      item.parents.filter((p) => ids.has(p)).map((p) => ({ id: `${p}>${item.id}`, sources: [p], targets: [item.id] })),
    ),
  };
  const laid = await elk.layout(graph);
  const out = new Map<string, Point>();
  for (const child of laid.children ?? []) out.set(child.id, { x: child.x ?? 0, y: child.y ?? 0 });
  return out;
}
