import { useEffect, useRef } from 'react';
import type { useReactFlow } from '@xyflow/react';
import { selectOpFigures } from '../run/runSelectors';
import type { AppState } from '../store/types';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';
import { CARD_HEIGHT, CARD_WIDTH, type LaneLayout } from '../thoughts/layout/laneLayout';
import { viewedState } from '../timeline/viewedRun';
import { frameViewport, presentViewport } from './presentType';

// After the thoughts canvas' own camera (which waits 300 ms for React Flow to take in new positions).
const AFTER_CAMERA_MS = 350;

/** The thoughts of the operation in focus (selected by presenting): those it made, else those it passed on. */
function focusThoughts(s: AppState): readonly string[] {
  const sel = s.runUi.selection;
  const op = sel?.kind === 'operation' ? selectOpFigures(s.live.grs, sel.id) : undefined;
  if (!op) return [];
  return op.made.length ? op.made : (op.outputIds ?? []);
}

/** The box around some cards of the layout, or null when none is laid out. */
function cardsBox(ids: readonly string[], layout: LaneLayout) {
  const at = ids.map((id) => layout.cards.get(id)).filter((p) => p !== undefined);
  if (at.length === 0) return null;
  const x = Math.min(...at.map((p) => p.x));
  const y = Math.min(...at.map((p) => p.y));
  return { x, y, width: Math.max(...at.map((p) => p.x + CARD_WIDTH)) - x, height: Math.max(...at.map((p) => p.y + CARD_HEIGHT)) - y };
}

/**
 * The thoughts canvas while presenting: it frames the thoughts of the operation in focus as each
 * step lands, and on F shows the whole GRS when its figures stay at presenting size (else that
 * size around the focus).
 */
export function usePresentedGrs(flow: ReturnType<typeof useReactFlow>, layout: LaneLayout): void {
  const api = useAppStoreApi();
  const fit = useAppStore((s) => (s.presenting ? s.presentFit : 0));
  const focus = useAppStore((s) => (s.presenting ? focusThoughts(s).join(' ') : ''));
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const move = (whole: boolean) => {
    const pane = document.querySelector('.grs-canvas .react-flow')?.getBoundingClientRect();
    if (!pane) return;
    const l = layoutRef.current;
    const box = cardsBox(focusThoughts(viewedState(api.getState())), l);
    if (whole) void flow.setViewport(presentViewport({ x: 0, y: 0, width: l.width, height: l.height }, pane, box), { duration: 200 });
    else if (box) void flow.setViewport(frameViewport(box, pane), { duration: 250 });
  };
  const moveRef = useRef(move);
  moveRef.current = move;
  useEffect(() => {
    if (!focus) return;
    const id = setTimeout(() => moveRef.current(false), AFTER_CAMERA_MS);
    return () => clearTimeout(id);
  }, [focus]);
  useEffect(() => {
    if (fit) moveRef.current(true);
  }, [fit]);
}
