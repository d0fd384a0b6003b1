import { useCallback, useEffect, useRef } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { GrsState } from '../../engine/index';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { CARD_HEIGHT, CARD_WIDTH, type LaneLayout, type Point } from './layout/laneLayout';
import { FAR_MIN_ZOOM, FAR_SCALE, OVERVIEW_ZOOM, type PillLayout } from './layout/pillLayout';
import { viewedState } from '../timeline/viewedRun';
import { answerDueIn } from '../run/answerHold';
import { selectOpFigures, selectStreaming } from '../run/runSelectors';

/** The least zoom the camera picks to follow a run or show one thought: every figure stays readable (the cards' text from FULL_CARD_ZOOM, 0.95, up). */
export const READABLE_ZOOM = 0.8;
/**
 * The least zoom of the canvas and of a whole-graph fit: the far level (pills on the overview canvas) at
 * scale 1, where its figures are 10 px tall. Down to 0.6 full cards, down to 0.25 compact cards whose
 * figures grow to stay ≥ 10 px, below that the far level; no zoom shows a thought without its figures.
 */
export const FIT_MIN_ZOOM = FAR_MIN_ZOOM;
/** How many of the newest thoughts the camera follows while a run streams. */
const FOLLOW_TAIL = 4;
/** Room kept around a whole-graph fit: the sides, and (when they cannot be measured) the toolbar above and the legend below. */
export const FIT_PADDING = 8;
const FIT_TOP = 44;
const FIT_BOTTOM = 52;
/** Just under the overview threshold: a fit that needs the far level stays on it. */
const FAR_MAX_ZOOM = OVERVIEW_ZOOM * 0.999;

/** A pane to fit into, with the bands its furniture covers at the top and bottom (toolbar; legend, zoom buttons, timeline). */
export interface FitPane {
  width: number;
  height: number;
  top?: number;
  bottom?: number;
  /** The card level's header band's height at a zoom, the graph's left edge `left` px into the pane (0 when the lanes' heads name them). */
  band?: (zoom: number, left: number) => number;
}

/** The bands of a pane (its client rect) that floating furniture covers, measured from the DOM (the selection key's too, unless `key` is false). */
export function paneBands(root: Element, pane: DOMRect, key = true): { top: number; bottom: number } {
  let top = FIT_TOP;
  let bottom = FIT_BOTTOM;
  const overlaps = (r: DOMRect) => r.width > 0 && r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
  // The toolbar floats over the top, and the selection key while a thought is selected: wherever it sits now, a fit leaves it room at the
  // top right (8 px down), where it goes back once no header is under it.
  const above = [...root.querySelectorAll('.grs-toolbar')].map((e) => e.getBoundingClientRect()).filter(overlaps);
  if (above.length) top = Math.max(...above.map((r) => r.bottom - pane.top)) + 6;
  const keyHeight = key ? (root.querySelector<HTMLElement>('.grs-key')?.offsetHeight ?? 0) : 0;
  if (keyHeight) top = Math.max(top, 8 + keyHeight + 6);
  // The run timeline floats over the bottom of the window, above whichever view is shown.
  const below = [...root.querySelectorAll('.grs-legend, .react-flow__controls'), ...document.querySelectorAll('.timeline')].map((e) => e.getBoundingClientRect()).filter(overlaps);
  if (below.length) bottom = Math.max(...below.map((r) => pane.bottom - r.top)) + 6;
  return { top, bottom };
}

/** The focus of the camera, most important first: the final thoughts, then their parents, once a run has ended; else the newest thoughts and calls. */
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

/** The room a whole-graph fit has in a pane (CSS px): inside the side padding, between the furniture's bands. */
export const fitRoom = (pane: FitPane) => ({ width: pane.width - 2 * FIT_PADDING, height: pane.height - (pane.top ?? FIT_TOP) - (pane.bottom ?? FIT_BOTTOM) });

/**
 * Below this zoom a whole-graph fit in the Thoughts view prefers the far level to cards when it can hold
 * the graph: a card lane's title is then cut to about a dozen characters ("Add up pai"), while the far
 * level's header band names every operation in full. Cards between OVERVIEW_ZOOM and this stay the
 * fallback, and the Split view keeps them (its Operations view names the operations).
 */
export const CARD_FIT_ZOOM = 0.3;

/** The zoom at which a laid-out GRS fits a pane as cards (1 at most), below the header band it needs at that zoom, and the band's height. */
const cardZoom = (layout: Pick<LaneLayout, 'width' | 'height'>, pane: FitPane) => {
  const room = fitRoom(pane);
  const at = (band: number) => Math.min(1, room.width / layout.width, (room.height - band) / layout.height);
  let band = 0;
  let zoom = at(0);
  // A smaller zoom may stack the band's headers in more rows: reserved until the band fits.
  for (let i = 0; pane.band && i < 6; i += 1) {
    const need = pane.band(zoom, (pane.width - layout.width * zoom) / 2);
    if (need <= band) break;
    band = need;
    zoom = at(band);
  }
  return { zoom, band };
};

/** Whether a whole-graph fit shows cards without asking the far level first: they fit at `least` (CARD_FIT_ZOOM) or more. */
export const cardsFitWell = (layout: Pick<LaneLayout, 'width' | 'height'>, pane: FitPane, least = CARD_FIT_ZOOM): boolean => cardZoom(layout, pane).zoom >= least;

/**
 * The viewport that shows a whole laid-out GRS in a pane: as cards when they fit at CARD_FIT_ZOOM or
 * more; else on the far level (`far`: its layout's size) at scale ≥ 1; else as cards down to the compact
 * cards' least zoom; null when none can hold it (then the camera frames the final thoughts instead).
 */
export function wholeGraphViewport(layout: Pick<LaneLayout, 'width' | 'height'>, pane: FitPane, far?: { width: number; height: number; band?: number } | null) {
  const top = pane.top ?? FIT_TOP;
  const room = fitRoom(pane);
  // Never above the room's top: a graph exactly the room's height must not start a rounding error above it.
  const centred = (zoom: number, w: number, h: number, band = 0) => ({ zoom, x: (pane.width - w) / 2, y: top + band + Math.max(0, (room.height - band - h) / 2) });
  const { zoom: cards, band } = cardZoom(layout, pane);
  const asCards = centred(cards, layout.width * cards, layout.height * cards, band);
  if (cards >= CARD_FIT_ZOOM) return asCards;
  if (far) {
    // Its header band runs above the graph's origin: the graph starts that far below the top.
    const band = far.band ?? 0;
    const zoom = Math.min(FAR_MAX_ZOOM, room.width / (far.width * FAR_SCALE), room.height / ((far.height + band) * FAR_SCALE));
    // With a hair of tolerance: a room exactly the far layout's size at scale 1 fits (the canvas rounds the scale).
    if (zoom >= FIT_MIN_ZOOM * (1 - 1e-9)) {
      const at = centred(zoom, far.width * FAR_SCALE * zoom, (far.height + band) * FAR_SCALE * zoom);
      return { ...at, y: at.y + band * FAR_SCALE * zoom };
    }
  }
  return cards >= OVERVIEW_ZOOM ? asCards : null;
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

/** A viewport: the pane's translation (CSS px) and zoom. */
interface View {
  x: number;
  y: number;
  zoom: number;
}

/**
 * How long the camera takes to follow a run to `to` (ms): a short glide when the newest thoughts are near what
 * is shown; a jump when they are more than a pane away, or the run is large: a long glide zooms out through the
 * far level and back, so every card on the way unmounts and mounts again for a view no one can read.
 */
export function followDuration(from: View, to: View, pane: { width: number; height: number }, thoughts: number): number {
  if (thoughts > 300) return 0;
  // Where the pane's centre points in the layout, before and after, in screen px at the new zoom.
  const centre = (v: View) => ({ x: (pane.width / 2 - v.x) / v.zoom, y: (pane.height / 2 - v.y) / v.zoom });
  const a = centre(from);
  const b = centre(to);
  const far = Math.abs(a.x - b.x) * to.zoom > pane.width || Math.abs(a.y - b.y) * to.zoom > pane.height;
  return far || from.zoom < OVERVIEW_ZOOM ? 0 : 250;
}

/** The shortest glide worth drawing (ms), and the room a glide leaves before a model answer is due (ms). */
const MIN_GLIDE_MS = 120;
const ANSWER_ROOM_MS = 40;

/**
 * The follow camera's glide, fitted before the live run's next model answer (`dueIn` ms from now, null: none
 * expected). A glide redraws the canvas every frame; one still running as answers arrive keeps the page from
 * reading them. It is cut to end before the answer, or made a jump (one frame) when too little time is left.
 */
export function glideBeforeAnswer(glideMs: number, dueIn: number | null): number {
  if (glideMs === 0 || dueIn === null) return glideMs;
  const room = dueIn - ANSWER_ROOM_MS;
  return room >= MIN_GLIDE_MS ? Math.min(glideMs, room) : 0;
}

/**
 * Moves the GRS camera as a viewer would: it follows the newest thoughts at a readable zoom while a
 * run streams; once it has ended (or is opened from History) the view, whole or split, shows the whole
 * graph; it stops once the user pans or zooms (until the next run), and brings a thought selected
 * elsewhere into view.
 */
export function useGrsCamera(
  grs: GrsState,
  layout: LaneLayout,
  pills: PillLayout | null,
  /** Folds the far level's columns to fit a room at scale 1 (foldToFit) and returns that layout. */
  refold: (room: { width: number; height: number }) => PillLayout,
  /** The card level's header band's height at a zoom in a pane (FitPane's band). */
  cardBand: (zoom: number, left: number, pane: { width: number; height: number }) => number,
): { onUserMove: (event: unknown) => void; fitWhole: () => void } {
  const api = useAppStoreApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const runId = grs.runId;
  const count = grs.thoughtOrder.length + selectStreaming(grs).length;
  const finished = grs.summary !== null;
  const view = useAppStore((s) => s.runUi.view);
  // Read when a fit runs, which is not a reason to rebuild fitWhole.
  const viewRef = useRef(view);
  viewRef.current = view;
  const selected = useAppStore((s) => (s.runUi.selection?.kind === 'thought' ? s.runUi.selection.id : null));
  const selectedOp = useAppStore((s) => (s.runUi.selection?.kind === 'operation' ? s.runUi.selection.id : null));
  // Where the shown run comes from: opening one from History (or a recording, or a replay) is a new showing even of the same run.
  const source = useAppStore((s) => s.runUi.source);
  const userMoved = useRef(false);
  const lastRun = useRef(runId);
  const lastSource = useRef(source);
  if (lastRun.current !== runId || lastSource.current !== source) {
    lastRun.current = runId;
    lastSource.current = source;
    userMoved.current = false;
  }
  // Read when the timer fires: opening a stack changes the layout but is no reason to move the camera.
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const pillsRef = useRef(pills);
  pillsRef.current = pills;
  const refoldRef = useRef(refold);
  refoldRef.current = refold;
  const bandRef = useRef(cardBand);
  bandRef.current = cardBand;

  /**
   * Shows the whole graph (cards or far level), or when even the far level's least scale cannot hold it
   * (a small window, a projector), as much of it as stays legible around `focus`. False when there is nothing to show.
   */
  const fitWhole = useCallback(
    (focus?: string): boolean => {
      const root = document.querySelector('.grs-canvas');
      const rect = root?.querySelector('.react-flow')?.getBoundingClientRect();
      if (!root || !rect) return false;
      const pane: FitPane = { width: rect.width, height: rect.height, ...paneBands(root, rect), band: (zoom, left) => bandRef.current(zoom, left, rect) };
      // Cards when they fit at a zoom where lane titles read; else the far level, its tallest columns folded as far as the pane needs.
      // In Split the Operations view above names every operation, and a selection there brings its cards into view: small cards stay.
      const least = viewRef.current === 'split' ? OVERVIEW_ZOOM : CARD_FIT_ZOOM;
      const far = cardsFitWell(layoutRef.current, pane, least) ? null : refoldRef.current(fitRoom(pane));
      const whole = wholeGraphViewport(layoutRef.current, pane, far);
      if (whole) {
        void flow.setViewport(whole, { duration: 0 });
        return true;
      }
      if (!far) return false;
      const at = far.at.get(focus ?? '') ?? far.blocks[far.blocks.length - 1];
      if (!at) return false;
      // Far-level units to canvas units, kept inside the graph so no half-empty screen.
      const within = (v: number, half: number, size: number) => Math.max(Math.min(v, size - half), Math.min(half, size / 2));
      const x = within((at.x + at.width / 2) * FAR_SCALE, rect.width / 2 / FIT_MIN_ZOOM, far.width * FAR_SCALE);
      const y = within((at.y + at.height / 2) * FAR_SCALE, rect.height / 2 / FIT_MIN_ZOOM, far.height * FAR_SCALE);
      void flow.setCenter(x, y, { zoom: FIT_MIN_ZOOM, duration: 0 });
      return true;
    },
    [flow],
  );

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
      // The pane's size as React Flow's ResizeObserver last saw it: reading the DOM here forced a layout on every streamed batch.
      const { width, height } = flowStore.getState();
      if (!width || !height) return;
      const pane = { width, height };
      const { core, context } = focusIds(grs, streaming);
      // After a run both the Thoughts view and the split view show the whole graph at once.
      if (grs.summary && fitWhole(core[0])) return;
      // Framed from the layout, not React Flow's nodes: on the overview canvas the cards are not nodes.
      const cards = layoutRef.current.cards;
      const shown = (ids: string[]) => ids.filter((n) => cards.has(n));
      const wide = shown([...core, ...context]);
      // The parents join the frame only when everything still fits at a readable zoom.
      const fits = wide.length > 0 && frame(wide, cards, pane).zoom >= READABLE_ZOOM;
      const ids = fits ? wide : shown(core);
      if (!ids.length) return;
      const to = frame(ids, cards, pane);
      void flow.setViewport(to, { duration: glideBeforeAnswer(followDuration(flow.getViewport(), to, pane, grs.thoughtOrder.length), answerDueIn()) });
    }, 300);
  }, [api, flow, flowStore, runId, source, count, finished, view, fitWhole]);
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
      const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
      const { x, y, zoom } = flow.getViewport();
      // On the far level the thought is a pill, elsewhere than its card: it stays on the far level.
      const pill = zoom < OVERVIEW_ZOOM ? pillsRef.current?.at.get(selected) : undefined;
      const card = layoutRef.current.cards.get(selected);
      const box = pill
        ? { x: pill.x * FAR_SCALE, y: pill.y * FAR_SCALE, w: pill.width * FAR_SCALE, h: pill.height * FAR_SCALE }
        : card && { x: card.x, y: card.y, w: CARD_WIDTH, h: CARD_HEIGHT };
      if (!box || !pane) return;
      const left = box.x * zoom + x;
      const top = box.y * zoom + y;
      // The legend and zoom controls cover the bottom edge, the selection key a corner: a card under them counts as hidden.
      const key = document.querySelector('.grs-canvas .grs-key')?.getBoundingClientRect();
      const underKey = key && left < key.right - pane.left && left + box.w * zoom > key.left - pane.left && top < key.bottom - pane.top && top + box.h * zoom > key.top - pane.top;
      if (!underKey && left >= 0 && top >= 0 && left + box.w * zoom <= pane.width && top + box.h * zoom <= pane.height - 56) return;
      void flow.setCenter(box.x + box.w / 2, box.y + box.h / 2, { zoom: pill ? zoom : Math.max(zoom, READABLE_ZOOM), duration: 250 });
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
  const fitAll = useCallback(() => {
    userMoved.current = true;
    const { grs } = viewedState(api.getState()).live;
    fitWhole(focusIds(grs, selectStreaming(grs)).core[0]);
  }, [api, fitWhole]);
  return { onUserMove, fitWhole: fitAll };
}
