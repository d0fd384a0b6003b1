import { useMemo, useRef } from 'react';
import type { Edge, Node } from '@xyflow/react';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { colorDomain, colorFor, type ColorDomain } from './colorScale';
import { CARD_HEIGHT, CARD_WIDTH, laneLayout, laneNodeId, STACK_HEIGHT, stackId, type LaneItem, type LaneLayout } from './layout/laneLayout';
import { finalPathIds } from './finalPath';
import { opLabelOf } from './opLabels';
import { selectFailedCalls, selectHigherIsBetter, selectOpOrder, selectStreaming } from '../run/runSelectors';

export type GrsNodeData = { color: string | null; onFinalPath: boolean };

/** Node and edge objects kept while unchanged, so React Flow and the cards skip what did not move. */
interface Caches {
  nodes: Map<string, Node>;
  edges: Map<string, Edge>;
}

function sameData(a: Node, position: { x: number; y: number }, data: Record<string, unknown>): boolean {
  if (a.position.x !== position.x || a.position.y !== position.y) return false;
  const old = a.data as Record<string, unknown>;
  for (const k of Object.keys(data)) if (old[k] !== data[k]) return false;
  return true;
}

/**
 * React Flow nodes and edges for the GRS laid out by operation: a lane per operation, a card per kept
 * thought and per call still streaming, a "not kept" stack per lane. `cards` is false when the cards are
 * drawn on the overview canvas instead (far zoom): only lanes and stacks stay in the DOM then.
 */
export function useGrsElements(
  open: ReadonlySet<string> | 'all',
  cards: boolean,
): { nodes: Node[]; edges: Edge[]; domain: ColorDomain; layout: LaneLayout; finalPath: ReadonlySet<string>; items: readonly LaneItem[] } {
  const api = useAppStoreApi();
  const order = useAppStore((s) => s.live.grs.thoughtOrder);
  const streaming = useAppStore((s) => selectStreaming(s.live.grs));
  const failedCalls = useAppStore((s) => selectFailedCalls(s.live.grs));
  const thoughts = useAppStore((s) => s.live.grs.thoughts);
  const opOrder = useAppStore((s) => selectOpOrder(s.live.grs));
  const colorBy = useAppStore((s) => s.runUi.colorBy);
  const higherIsBetter = useAppStore((s) => selectHigherIsBetter(s.live.grs));
  const highlight = useAppStore((s) => s.highlight);
  const finals = useAppStore((s) => s.live.grs.summary?.finalThoughtIds);
  const doc = useAppStore((s) => s.live.grs.document);

  const items = useMemo(() => {
    const list: LaneItem[] = order.map((id) => {
      const t = thoughts[id];
      return { id, opId: t?.opId ?? null, parents: t?.parents ?? [], pruned: Boolean(t?.pruned) };
    });
    const { calls } = api.getState().live.grs;
    for (const callId of [...streaming, ...failedCalls]) {
      const c = calls[callId];
      if (c) list.push({ id: `call:${callId}`, opId: c.opId, parents: c.inputIds, pruned: false, transient: true });
    }
    return list;
  }, [api, order, thoughts, streaming, failedCalls]);

  const layout = useMemo(() => laneLayout(items, opOrder, open), [items, opOrder, open]);
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

  const caches = useRef<Caches>({ nodes: new Map(), edges: new Map() });
  const nodes = useMemo(() => {
    const prev = caches.current.nodes;
    const next = new Map<string, Node>();
    const list: Node[] = [];
    const add = (id: string, type: string, position: { x: number; y: number }, data: Record<string, unknown>, w: number, h: number) => {
      const old = prev.get(id);
      const node =
        old && old.type === type && old.width === w && old.height === h && sameData(old, position, data)
          ? old
          : // Declared size: the camera can frame cards that were never rendered (off screen).
            { id, type, position, data, width: w, height: h, draggable: false, connectable: false, selectable: false, zIndex: type === 'lane' ? -1 : 0 };
      next.set(id, node);
      list.push(node);
    };
    // Lanes first: they are drawn under their cards.
    for (const lane of layout.lanes) {
      add(laneNodeId(lane.opId), 'lane', { x: lane.x, y: lane.y }, { opId: lane.opId }, lane.width, lane.height);
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
  }, [items, layout, thoughts, domain, finalPath, cards, why]);

  const edges = useMemo(() => {
    if (!cards) return [];
    const prev = caches.current.edges;
    const next = new Map<string, Edge>();
    const list: Edge[] = [];
    for (const item of items) {
      // A folded thought's edges go to its lane's stack, once per parent.
      const foldedIn = layout.folded.get(item.id);
      const target = foldedIn ? stackId(foldedIn) : item.id;
      for (const p of item.parents) {
        if (layout.folded.has(p)) continue;
        const id = `${p}>${target}`;
        if (next.has(id)) continue;
        const className = item.transient
          ? 'grs-edge pending'
          : foldedIn
            ? 'grs-edge to-stack'
            : highlight.pathEdges[id]
              ? 'grs-edge on-path'
              : highlight.active && highlight.thoughts[p] && highlight.thoughts[item.id]
                ? 'grs-edge on-lineage'
                : highlight.active
                  ? 'grs-edge faded'
                  : finalPath.has(item.id) && finalPath.has(p)
                    ? 'grs-edge to-final'
                    : 'grs-edge';
        const old = prev.get(id);
        const edge =
          old && old.className === className
            ? old
            : { id, source: p, target, className, animated: Boolean(item.transient), focusable: false, selectable: false, interactionWidth: 0 };
        next.set(id, edge);
        list.push(edge);
      }
    }
    caches.current.edges = next;
    return list;
  }, [items, layout, highlight, finalPath, cards]);

  return { nodes, edges, domain, layout, finalPath, items };
}
