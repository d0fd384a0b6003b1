import { useEffect, useRef, useState } from 'react';
import type { GrsState } from '../../engine/index';
import { useAppStoreApi } from '../store/StoreProvider';
import { viewedState } from '../timeline/viewedRun';

/** The view's share of the main thread while a run streams: after an update that took c ms, the next waits c × this. */
export const PACE_FACTOR = 8;
/** The least and most time between two view updates while a run streams (ms). */
export const PACE_MIN_MS = 16;
export const PACE_MAX_MS = 500;

/** How long to wait after an update that took `costMs` before taking the next one in (a pure rule, tested). */
export const paceDelay = (costMs: number): number => Math.min(PACE_MAX_MS, Math.max(PACE_MIN_MS, costMs * PACE_FACTOR));

/** Whether a new GRS must be shown at once: anything but more of the same running run (a new run, its end, a scrub). */
export const showsAtOnce = (shown: GrsState, next: GrsState): boolean =>
  next.runId !== shown.runId || next.status !== 'running' || shown.status !== 'running';

/**
 * The GRS the Thoughts view draws: the store's (at the timeline's position), but while a run streams
 * at most one update per frame and fewer when the view falls behind — each update waits for a
 * multiple of what the last one cost (render, commit and React Flow's effects), so the thoughts view
 * never takes more than a small share of the frames and the page keeps its frame rate.
 */
export function usePacedGrs(): GrsState {
  const api = useAppStoreApi();
  const [grs, setGrs] = useState(() => viewedState(api.getState()).live.grs);
  const shown = useRef(grs);
  const startedAt = useRef<number | null>(null);
  const nextAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // After the commit (children's effects, React Flow's measuring included, ran first): what the update cost.
  useEffect(() => {
    if (startedAt.current === null) return;
    const now = performance.now();
    nextAt.current = now + paceDelay(now - startedAt.current);
    startedAt.current = null;
  }, [grs]);

  useEffect(() => {
    const take = () => {
      timer.current = null;
      const next = viewedState(api.getState()).live.grs;
      if (next === shown.current) return;
      shown.current = next;
      startedAt.current = performance.now();
      setGrs(next);
    };
    const offer = () => {
      const state = api.getState();
      const viewed = viewedState(state);
      const next = viewed.live.grs;
      if (next === shown.current) return;
      // A moment chosen on the timeline (a scrub, a step, presentation's ←/→) is shown at once, like a new run.
      if (viewed !== state || showsAtOnce(shown.current, next)) {
        if (timer.current) clearTimeout(timer.current);
        return take();
      }
      if (timer.current) return;
      timer.current = setTimeout(take, Math.max(0, nextAt.current - performance.now()));
    };
    offer();
    const unsubscribe = api.subscribe(offer);
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [api]);
  return grs;
}
