import { useMemo, useRef, useState } from 'react';
import type { Node } from '@xyflow/react';
import type { GrsState } from '../../engine/index';
import { useAppStore } from '../store/StoreProvider';
import { colorDomain, colorFor, type ColorDomain } from './colorScale';
import { CARD_HEIGHT, CARD_WIDTH, laneNodeId, STACK_HEIGHT, stackId, type LaneItem, type LaneLayout } from './layout/laneLayout';
import { finalPathIds } from './finalPath';
import { incrementalLaneLayout } from './layout/incrementalLaneLayout';
import { callItems } from './layout/callItems';
import { edgeEnds, edgePaths, type EdgeEnds, type EdgeStyle } from './layout/edgePaths';
import { opLabelOf } from './opLabels';
import { selectFailedCalls, selectHigherIsBetter, selectOpOrder, selectStreaming } from '../run/runSelectors';

export type GrsNodeData = { color: string | null; onFinalPath: boolean };

/** The node that holds every edge (drawn by EdgeLayer). */
export const EDGE_LAYER_ID = '__edges';

/** The cards have no handles (one SVG layer draws every edge). */
const NO_HANDLES: NonNullable<Node['handles']> = [];

/** Node objects kept while unchanged, so React Flow and the cards skip what did not move. */
interface Caches {
  nodes: Map<string, Node>;
}

function sameData(a: Node, position: { x: number; y: number }, data: Record<string, unknown>): boolean {
  if (a.position.x !== position.x || a.position.y !== position.y) return false;
  const old = a.data as Record<string, unknown>;
  for (const k of Object.keys(data)) if (old[k] !== data[k]) return false;
  return true;
}

/**
 * A node of the Thoughts canvas with its size declared (the camera can frame cards never rendered), declared
 * as measured and without handles: React Flow would otherwise mount every new node once to measure it, on
 * screen or not, and a streaming run would mount each new card, then drop it.
 */
export function grsNode(id: string, type: string, position: { x: number; y: number }, data: Record<string, unknown>, width: number, height: number): Node {
  const zIndex = type === 'lane' || type === 'edges' ? -1 : 0;
  return { id, type, position, data, width, height, measured: { width, height }, handles: NO_HANDLES, draggable: false, connectable: false, selectable: false, zIndex };
}

/**
 * React Flow nodes and edges for the GRS laid out by operation: a lane per operation, a card per kept
 * thought and per call still streaming, a "not kept" stack per lane, and one layer with every edge. `cards` is false when the cards are
 * drawn on the overview canvas instead (far zoom): only lanes and stacks stay in the DOM then.
 */
export function useGrsElements(
  grs: GrsState,
  open: ReadonlySet<string> | 'all',
  cards: boolean,
): { nodes: Node[]; domain: ColorDomain; layout: LaneLayout; finalPath: ReadonlySet<string>; items: readonly LaneItem[] } {
  const { thoughtOrder: order, thoughts, calls, document: doc } = grs;
  const streaming = selectStreaming(grs);
  const failedCalls = selectFailedCalls(grs);
  const opOrder = selectOpOrder(grs);
  const higherIsBetter = selectHigherIsBetter(grs);
  const finals = grs.summary?.finalThoughtIds;
  const colorBy = useAppStore((s) => s.runUi.colorBy);
  const highlight = useAppStore((s) => s.highlight);

  const pending = useMemo(() => callItems(streaming, failedCalls, calls), [streaming, failedCalls, calls]);
  // Streamed tokens alone (a new `calls`, the same calls streaming) keep the items and all that is built on them.
  const items = useMemo(() => {
    const list: LaneItem[] = order.map((id) => {
      const t = thoughts[id];
      return { id, opId: t?.opId ?? null, parents: t?.parents ?? [], pruned: Boolean(t?.pruned) };
    });
    list.push(...pending);
    return list;
  }, [order, thoughts, pending]);

  // Extended update by update while a run streams, not laid out again in full (same result, tested).
  const [layouter] = useState(incrementalLaneLayout);
  const layout = useMemo(() => layouter(items, opOrder, open), [layouter, items, opOrder, open]);
  const finalPath = useMemo(() => finalPathIds(finals ?? [], (id) => thoughts[id]), [finals, thoughts]);
  const domain = useMemo(() => colorDomain(Object.values(thoughts), colorBy, higherIsBetter), [thoughts, colorBy, higherIsBetter]);

  // Why a lane's folded thoughts were dropped: the first one's reason, by the pruning operation's label.
  const why = useMemo(() => {
    const out = new Map<string, string>();
    for (const [id, lane] of layout.stacked) {
      if (out.has(lane)) continue;
      const p = thoughts[id]?.pruned;
      if (p) out.set(lane, `pruned by ${opLabelOf(doc, p.opId)}: ${p.reason}`);
    }
    return out;
  }, [layout, thoughts, doc]);

  const ends = useMemo(() => (cards ? edgeEnds(items, layout) : []), [items, layout, cards]);
  const paths = useMemo(() => {
    const styleOf = ({ from, item, toStack }: EdgeEnds): EdgeStyle => {
      if (item.transient) return 'pending';
      if (toStack) return 'to-stack';
      if (highlight.pathEdges[`${from}>${item.id}`]) return 'on-path';
      if (highlight.active) return highlight.thoughts[from] && highlight.thoughts[item.id] ? 'on-lineage' : 'faded';
      return finalPath.has(item.id) && finalPath.has(from) ? 'to-final' : 'plain';
    };
    return edgePaths(ends, layout, styleOf);
  }, [ends, layout, highlight, finalPath]);

  const caches = useRef<Caches>({ nodes: new Map() });
  const nodes = useMemo(() => {
    const prev = caches.current.nodes;
    const next = new Map<string, Node>();
    const list: Node[] = [];
    const add = (id: string, type: string, position: { x: number; y: number }, data: Record<string, unknown>, w: number, h: number) => {
      const old = prev.get(id);
      const node = old && old.type === type && old.width === w && old.height === h && sameData(old, position, data) ? old : grsNode(id, type, position, data, w, h);
      next.set(id, node);
      list.push(node);
    };
    // Lanes first: they are drawn under their cards.
    for (const lane of layout.lanes) {
      add(laneNodeId(lane.opId), 'lane', { x: lane.x, y: lane.y }, { opId: lane.opId }, lane.width, lane.height);
    }
    // The edges over the lanes, under the cards.
    if (cards) add(EDGE_LAYER_ID, 'edges', { x: 0, y: 0 }, { paths, width: layout.width, height: layout.height }, layout.width, layout.height);
    for (const lane of layout.lanes) {
      if (lane.stack) add(stackId(lane.opId), 'stack', lane.stack, { opId: lane.opId, count: lane.folded, open: lane.open, why: why.get(lane.opId) ?? '' }, CARD_WIDTH, STACK_HEIGHT);
    }
    if (cards) {
      for (const item of items) {
        const position = layout.cards.get(item.id);
        if (!position) continue;
        const t = item.transient ? undefined : thoughts[item.id];
        const data = { color: t ? colorFor(t, domain) : null, onFinalPath: finalPath.has(item.id) };
        add(item.id, item.transient ? 'pending' : 'thought', position, data, CARD_WIDTH, CARD_HEIGHT);
      }
    }
    caches.current.nodes = next;
    return list;
  }, [items, layout, thoughts, domain, finalPath, cards, why, paths]);

  return { nodes, domain, layout, finalPath, items };
}
