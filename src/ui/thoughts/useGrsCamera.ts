import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { GrsState } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { selectOpFigures, selectStreaming } from '../run/runSelectors';

/** The least zoom the camera picks by itself: a card's text, score, volume, latency, time, tokens and cost stay readable. */
export const READABLE_ZOOM = 0.8;
/** How many of the newest thoughts the camera follows while a run streams. */
const FOLLOW_TAIL = 4;

/** The cards worth showing first, most important first: the final thoughts, then their parents, once a run has ended; else the newest thoughts and calls. */
export function focusIds(grs: GrsState, streaming: readonly string[]): { core: string[]; context: string[] } {
  const finals = grs.summary?.finalThoughtIds ?? [];
  if (grs.summary && finals.length) {
    const parents = new Set<string>();
    for (const id of finals) for (const p of grs.thoughts[id]?.parents ?? []) if (!finals.includes(p)) parents.add(p);
    return { core: [...finals], context: [...parents] };
  }
  const calls = streaming.map((c) => `call:${c}`);
  return { core: [...grs.thoughtOrder.slice(-Math.max(1, FOLLOW_TAIL - calls.length)), ...calls.slice(0, FOLLOW_TAIL)], context: [] };
}

/**
 * Moves the GRS camera as a viewer would: it follows the newest thoughts at a readable zoom while a
 * run streams, then frames the final thoughts and their parents; it stops once the user pans or
 * zooms (until the next run), and brings a thought selected elsewhere (summary, parents) into view.
 */
export function useGrsCamera(layoutVersion: number): { onUserMove: (event: unknown) => void } {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  const runId = useAppStore((s) => s.live.grs.runId);
  const count = useAppStore((s) => s.live.grs.thoughtOrder.length + selectStreaming(s.live.grs).length);
  const finished = useAppStore((s) => s.live.grs.summary !== null);
  const view = useAppStore((s) => s.runUi.view);
  const selected = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.runUi.selection.id : null));
  const selectedOp = useAppStore((s) => (s.runUi.selection?.kind === 'operation' ? s.runUi.selection.id : null));
  const userMoved = useRef(false);
  const lastRun = useRef(runId);
  if (lastRun.current !== runId) {
    lastRun.current = runId;
    userMoved.current = false;
  }

  // Throttled, not debounced: a run streaming every frame must still move the camera.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (count === 0 || userMoved.current || pending.current) return;
    // The delay lets React Flow take in new positions (a new card, the ELK layout) before measuring.
    pending.current = setTimeout(() => {
      pending.current = null;
      if (userMoved.current) return;
      const { grs } = api.getState().live;
      const streaming = selectStreaming(grs);
      const { core, context } = focusIds(grs, streaming);
      const shown = (ids: string[]) => ids.filter((n) => flow.getNode(n)).map((n) => ({ id: n }));
      const wide = shown([...core, ...context]);
      // The parents join the frame only when everything still fits at a readable zoom.
      const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
      const bounds = wide.length ? flow.getNodesBounds(wide.map((n) => n.id)) : null;
      const fits = pane && bounds && (pane.width * 0.85) / bounds.width >= READABLE_ZOOM && (pane.height * 0.85) / bounds.height >= READABLE_ZOOM;
      const nodes = fits ? wide : shown(core);
      // A large GRS streaming fast jumps instead of gliding: an animated camera re-renders every frame.
      const duration = grs.thoughtOrder.length > 300 ? 0 : 250;
      if (nodes.length) void flow.fitView({ nodes, duration, minZoom: READABLE_ZOOM, maxZoom: 1, padding: 0.15, includeHiddenNodes: true });
    }, 300);
  }, [api, flow, runId, count, finished, layoutVersion, view]);
  useEffect(
    () => () => {
      // Cleared and forgotten, or a remount (StrictMode, view switch) would wait on a timer that never fires.
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!selected) return;
    // A selection is the user taking the camera: the follow mode stops until the next run.
    userMoved.current = true;
    // Measured a moment later from React Flow's own positions: a layout that just landed is not in the DOM yet.
    const id = setTimeout(() => {
      const node = flow.getNode(selected);
      const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
      if (!node || !pane) return;
      const { x, y, zoom } = flow.getViewport();
      const w = (node.width ?? 240) * zoom;
      const h = (node.height ?? 150) * zoom;
      const left = node.position.x * zoom + x;
      const top = node.position.y * zoom + y;
      // The legend and zoom controls cover the bottom edge: a card under them counts as hidden.
      if (left >= 0 && top >= 0 && left + w <= pane.width && top + h <= pane.height - 56) return;
      void flow.setCenter(node.position.x + (node.width ?? 240) / 2, node.position.y + (node.height ?? 150) / 2, {
        zoom: Math.max(zoom, READABLE_ZOOM),
        duration: 250,
      });
    }, 150);
    return () => clearTimeout(id);
  }, [flow, selected, layoutVersion]);

  // Selecting an operation (on the GoO canvas) brings the thoughts it made into view.
  useEffect(() => {
    if (!selectedOp) return;
    userMoved.current = true;
    const op = selectOpFigures(api.getState().live.grs, selectedOp);
    const ids = op?.made.length ? op.made : (op?.outputIds ?? []);
    const nodes = ids.filter((n) => flow.getNode(n)).map((n) => ({ id: n }));
    if (nodes.length) void flow.fitView({ nodes, duration: 250, minZoom: READABLE_ZOOM, maxZoom: 1, padding: 0.15, includeHiddenNodes: true });
  }, [api, flow, selectedOp, layoutVersion]);

  const onUserMove = useCallback((event: unknown) => {
    // Programmatic moves (fitView, setCenter) come without an input event.
    if (event) userMoved.current = true;
  }, []);
  return { onUserMove };
}
