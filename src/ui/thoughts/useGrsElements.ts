import { useEffect, useMemo, useRef, useState } from 'react';
import type { Edge, Node } from '@xyflow/react';
import type { ThoughtId } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { colorDomain, colorFor, type ColorDomain } from './colorScale';
import { elkLayout } from './layout/elkLayout';
import { CARD_HEIGHT, CARD_WIDTH, quickLayout, StablePlacer, type LayoutItem, type Point } from './layout/quickLayout';
import { selectFailedCalls, selectHigherIsBetter, selectOpOrder, selectStreaming } from '../run/runSelectors';

/** Above this many thoughts the ELK pass is skipped: the layered quick layout is already readable and instant. */
export const ELK_MAX_THOUGHTS = 1500;

/**
 * React Flow nodes and edges for the GRS: one card per thought plus one per call still streaming,
 * placed in stable slots while the run streams, then by the layered quick layout and ELK (in a worker) once it has finished.
 * Node and edge objects are reused while their position, colour and highlight are unchanged.
 */
export function useGrsElements(): { nodes: Node[]; edges: Edge[]; domain: ColorDomain; layoutVersion: number } {
  const api = useAppStoreApi();
  const order = useAppStore((s) => s.live.grs.thoughtOrder);
  const streaming = useAppStore((s) => selectStreaming(s.live.grs));
  const failedCalls = useAppStore((s) => selectFailedCalls(s.live.grs));
  const thoughts = useAppStore((s) => s.live.grs.thoughts);
  const opOrder = useAppStore((s) => selectOpOrder(s.live.grs));
  const colorBy = useAppStore((s) => s.runUi.colorBy);
  const higherIsBetter = useAppStore((s) => selectHigherIsBetter(s.live.grs));
  const highlight = useAppStore((s) => s.highlight);
  const finished = useAppStore((s) => s.live.grs.status !== 'running');

  const items = useMemo(() => {
    const { grs } = api.getState().live;
    const opIndex = new Map(opOrder.map((id, i) => [id as string, i]));
    const list: LayoutItem[] = order.map((id) => {
      const t = grs.thoughts[id];
      return { id, parents: t?.parents ?? [], latency: t?.latency ?? 0, opIndex: t?.opId ? (opIndex.get(t.opId) ?? 0) : -1 };
    });
    for (const callId of [...streaming, ...failedCalls]) {
      const c = grs.calls[callId];
      if (!c) continue;
      const latency = 1 + Math.max(0, ...c.inputIds.map((p) => grs.thoughts[p]?.latency ?? 0));
      list.push({ id: `call:${callId}`, parents: c.inputIds, latency, opIndex: opIndex.get(c.opId) ?? 0 });
    }
    return list;
  }, [api, order, streaming, failedCalls, opOrder]);

  const runId = useAppStore((s) => s.live.grs.runId);
  const placer = useMemo(() => (void runId, new StablePlacer()), [runId]);
  // Live: stable slots (nothing on screen moves); finished: the sorted layered layout, then ELK.
  const quick = useMemo(
    () => (finished ? quickLayout(items) : placer.place(items, (id) => id.startsWith('call:'))),
    [items, finished, placer],
  );
  const [elk, setElk] = useState<{ order: readonly ThoughtId[]; positions: Map<string, Point> } | null>(null);
  useEffect(() => {
    if (!finished || order.length < 2 || order.length > ELK_MAX_THOUGHTS) return;
    let live = true;
    void import('./layout/elkWorker')
      .then(({ workerElk }) => elkLayout(items, workerElk()))
      .then((positions) => live && setElk({ order, positions }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [finished, order, items]);
  const positions = elk && elk.order === order && streaming.length === 0 ? elk.positions : quick;

  const domain = useMemo(() => colorDomain(Object.values(thoughts), colorBy, higherIsBetter), [thoughts, colorBy, higherIsBetter]);

  const nodeCache = useRef(new Map<string, Node>());
  const nodes = useMemo(() => {
    const prev = nodeCache.current;
    const next = new Map<string, Node>();
    const list: Node[] = [];
    for (const item of items) {
      const position = positions.get(item.id) ?? { x: 0, y: 0 };
      const pending = item.id.startsWith('call:');
      const t = pending ? undefined : thoughts[item.id];
      const color = t ? colorFor(t, domain) : null;
      const old = prev.get(item.id);
      const node =
        old && old.position.x === position.x && old.position.y === position.y && (old.data as { color?: string | null }).color === color
          ? old
          : {
              id: item.id,
              type: pending ? 'pending' : 'thought',
              position,
              data: { color },
              // Declared size: the camera can frame cards that were never rendered (off screen).
              width: CARD_WIDTH,
              height: CARD_HEIGHT,
              draggable: false,
              connectable: false,
            };
      next.set(item.id, node);
      list.push(node);
    }
    nodeCache.current = next;
    return list;
  }, [items, positions, thoughts, domain]);

  const edgeCache = useRef(new Map<string, Edge>());
  const edges = useMemo(() => {
    const prev = edgeCache.current;
    const next = new Map<string, Edge>();
    const list: Edge[] = [];
    for (const item of items) {
      const pending = item.id.startsWith('call:');
      for (const p of item.parents) {
        const id = `${p}>${item.id}`;
        const className = pending
          ? 'grs-edge pending'
          : highlight.pathEdges[id]
            ? 'grs-edge on-path'
            : highlight.active && highlight.thoughts[p] && highlight.thoughts[item.id]
              ? 'grs-edge on-lineage'
              : highlight.active
                ? 'grs-edge faded'
                : 'grs-edge';
        const old = prev.get(id);
        const edge =
          old && old.className === className
            ? old
            : { id, source: p, target: item.id, className, animated: pending, focusable: false, selectable: false, interactionWidth: 0 };
        next.set(id, edge);
        list.push(edge);
      }
    }
    edgeCache.current = next;
    return list;
  }, [items, highlight]);

  return { nodes, edges, domain, layoutVersion: positions === quick ? 0 : 1 };
}
