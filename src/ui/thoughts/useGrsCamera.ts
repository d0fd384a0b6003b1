import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { GrsState } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { CARD_HEIGHT, CARD_WIDTH, type LaneLayout, type Point } from './layout/laneLayout';
import { viewedState } from '../timeline/viewedRun';
import { selectOpFigures, selectStreaming } from '../run/runSelectors';

/** The least zoom the camera picks to follow a run or show one thought: a card's text and every figure stay readable. */
export const READABLE_ZOOM = 0.8;
/**
 * The least zoom a whole-graph fit may use: the canvas's own minimum. Legibility is kept by the level of
 * detail, not by refusing the fit: down to 0.6 full cards, down to 0.25 compact cards whose figures grow
 * to stay ≥ 10 px, below that blocks on the overview canvas that carry their figures (at ≥ 10 px) only
 * where a block is wide enough, and lane and stack labels only where they fit at ≥ 10 px.
 */
export const FIT_MIN_ZOOM = 0.03;
/** How many of the newest thoughts the camera follows while a run streams. */
const FOLLOW_TAIL = 4;
/** Room kept around a whole-graph fit: the sides, and the toolbar above and the legend below. */
const FIT_PADDING = 16;
const FIT_TOP = 44;
const FIT_BOTTOM = 52;

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
 * The viewport that shows a whole laid-out GRS in a pane, or null when even the canvas's least zoom
 * cannot hold it (then the camera frames the final thoughts instead).
 */
export function wholeGraphViewport(layout: Pick<LaneLayout, 'width' | 'height'>, pane: { width: number; height: number }) {
  const room = pane.height - FIT_TOP - FIT_BOTTOM;
  const zoom = Math.min(1, (pane.width - 2 * FIT_PADDING) / layout.width, room / layout.height);
  if (zoom < FIT_MIN_ZOOM) return null;
  return { zoom, x: (pane.width - layout.width * zoom) / 2, y: FIT_TOP + (room - layout.height * zoom) / 2 };
}

/** The viewport that frames some cards with 15% padding, at a zoom between the readable one and 1. */
export function frame(ids: readonly string[], cards: ReadonlyMap<string, Point>, pane: { width: number; height: number }) {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const id of ids) {
    const p = cards.get(id);
    if (!p) continue;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + CARD_WIDTH);
    y1 = Math.max(y1, p.y + CARD_HEIGHT);
  }
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const zoom = Math.min(1, Math.max(READABLE_ZOOM, Math.min((pane.width * 0.85) / w, (pane.height * 0.85) / h)));
  return { zoom, x: pane.width / 2 - ((x0 + x1) / 2) * zoom, y: pane.height / 2 - ((y0 + y1) / 2) * zoom };
}

/**
 * Moves the GRS camera as a viewer would: it follows the newest thoughts at a readable zoom while a
 * run streams; once it has ended (or is opened from History) the view, whole or split, shows the whole
 * graph; it stops once the user pans or zooms (until the next run), and brings a thought selected
 * elsewhere into view.
 */
export function useGrsCamera(grs: GrsState, layout: LaneLayout): { onUserMove: (event: unknown) => void } {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  const runId = grs.runId;
  const count = grs.thoughtOrder.length + selectStreaming(grs).length;
  const finished = grs.summary !== null;
  const view = useAppStore((s) => s.runUi.view);
  const selected = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.runUi.selection.id : null));
  const selectedOp = useAppStore((s) => (s.runUi.selection?.kind === 'operation' ? s.runUi.selection.id : null));
  const userMoved = useRef(false);
  const lastRun = useRef(runId);
  if (lastRun.current !== runId) {
    lastRun.current = runId;
    userMoved.current = false;
  }
  // Read when the timer fires: opening a stack changes the layout but is no reason to move the camera.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  // Throttled, not debounced: a run streaming every frame must still move the camera.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (count === 0 || userMoved.current || pending.current) return;
    // The delay lets React Flow take in new positions before measuring.
    pending.current = setTimeout(() => {
      pending.current = null;
      if (userMoved.current) return;
      const { grs } = viewedState(api.getState()).live;
      const streaming = selectStreaming(grs);
      const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
      if (!pane) return;
      const { core, context } = focusIds(grs, streaming);
      // After a run both the Thoughts view and the split view show the whole graph at once.
      if (grs.summary) {
        const whole = wholeGraphViewport(layoutRef.current, pane);
        const final = layoutRef.current.cards.get(core[0] ?? '');
        // Too big to fit legibly (a small window, a projector): as much of the graph as stays legible, around the final thought.
        if (whole) void flow.setViewport(whole, { duration: 0 });
        else if (final) {
          const { width, height } = layoutRef.current;
          const within = (v: number, half: number, size: number) => Math.max(Math.min(v, size - half), Math.min(half, size / 2));
          const x = within(final.x + CARD_WIDTH / 2, pane.width / 2 / FIT_MIN_ZOOM, width);
          const y = within(final.y + CARD_HEIGHT / 2, pane.height / 2 / FIT_MIN_ZOOM, height);
          void flow.setCenter(x, y, { zoom: FIT_MIN_ZOOM, duration: 0 });
        }
        if (whole || final) return;
      }
      // Framed from the layout, not React Flow's nodes: on the overview canvas the cards are not nodes.
      const cards = layoutRef.current.cards;
      const shown = (ids: string[]) => ids.filter((n) => cards.has(n));
      const wide = shown([...core, ...context]);
      // The parents join the frame only when everything still fits at a readable zoom.
      const fits = wide.length > 0 && frame(wide, cards, pane).zoom >= READABLE_ZOOM;
      const ids = fits ? wide : shown(core);
      if (ids.length) void flow.setViewport(frame(ids, cards, pane), { duration: grs.thoughtOrder.length > 300 ? 0 : 250 });
    }, 300);
  }, [api, flow, runId, count, finished, view]);
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
      const pos = layoutRef.current.cards.get(selected);
      const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
      if (!pos || !pane) return;
      const { x, y, zoom } = flow.getViewport();
      const w = CARD_WIDTH * zoom;
      const h = CARD_HEIGHT * zoom;
      const left = pos.x * zoom + x;
      const top = pos.y * zoom + y;
      // The legend and zoom controls cover the bottom edge: a card under them counts as hidden.
      if (left >= 0 && top >= 0 && left + w <= pane.width && top + h <= pane.height - 56) return;
      void flow.setCenter(pos.x + CARD_WIDTH / 2, pos.y + CARD_HEIGHT / 2, { zoom: Math.max(zoom, READABLE_ZOOM), duration: 250 });
    }, 150);
    return () => clearTimeout(id);
  }, [flow, selected]);

  // Selecting an operation (on the GoO canvas) brings the thoughts it made into view.
  useEffect(() => {
    if (!selectedOp) return;
    userMoved.current = true;
    const op = selectOpFigures(viewedState(api.getState()).live.grs, selectedOp);
    const ids = op?.made.length ? op.made : (op?.outputIds ?? []);
    const shown = ids.filter((n) => layoutRef.current.cards.has(n));
    const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
    if (shown.length && pane) void flow.setViewport(frame(shown, layoutRef.current.cards, pane), { duration: 250 });
  }, [api, flow, selectedOp]);

  const onUserMove = useCallback((event: unknown) => {
    // Programmatic moves (fitView, setCenter) come without an input event.
    if (event) userMoved.current = true;
  }, []);
  return { onUserMove };
}
