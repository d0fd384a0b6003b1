import { startTransition, useEffect, useRef, useState } from 'react';
import type { GrsState } from '../../engine/index';
import { answerDueWithin } from '../run/answerHold';
import { MAX_HOLD_MS } from '../run/frameBatcher';
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

/** How often a held update looks again whether the model answer it waits for has come (ms). */
const HOLD_RECHECK_MS = 4;

/** What an update cost (ms): React's part up to its effects, plus the browser's frame that drew it (from that frame's start to its end). */
export const updateCost = (reactMs: number, frameStart: number, frameEnd: number): number => reactMs + Math.max(0, frameEnd - frameStart);

/**
 * The GRS the Thoughts view draws: the store's (at the timeline's position), but while a run streams
 * at most one update per frame and fewer when the view falls behind — each update waits for a
 * multiple of what the last one cost (render, commit and React Flow's effects, then the style, layout,
 * measuring, canvas drawing and paint of the frame that showed it), so the thoughts view never takes
 * more than a small share of the frames and the page keeps its frame rate.
 */
export function usePacedGrs(): GrsState {
  const api = useAppStoreApi();
  const [grs, setGrs] = useState(() => viewedState(api.getState()).live.grs);
  const shown = useRef(grs);
  const startedAt = useRef<number | null>(null);
  const nextAt = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the last update cost with its frame, and since when the next one has been held for a model answer.
  const lastCost = useRef(0);
  const heldSince = useRef<number | null>(null);

  // After the commit (children's effects, React Flow's measuring included, ran first): what the update cost so far,
  // then, once the next frame has been drawn, with that frame's style, layout and paint.
  useEffect(() => {
    if (startedAt.current === null) return;
    const committed = performance.now();
    const reactMs = committed - startedAt.current;
    startedAt.current = null;
    nextAt.current = committed + paceDelay(reactMs);
    let after: ReturnType<typeof setTimeout> | undefined;
    // A task queued from a frame's animation callbacks runs once that frame's rendering is done.
    const frame = requestAnimationFrame((frameStart) => {
      after = setTimeout(() => {
        lastCost.current = updateCost(reactMs, frameStart, performance.now());
        nextAt.current = Math.max(nextAt.current, committed + paceDelay(lastCost.current));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(after);
    };
  }, [grs]);

  useEffect(() => {
    const take = (force: boolean) => {
      timer.current = null;
      // The frame after the last update may have pushed the next one back since this wait was set.
      const wait = nextAt.current - performance.now();
      if (!force && wait > 1) {
        timer.current = setTimeout(() => take(false), wait);
        return;
      }
      // A model answer due while this update would render, lay out and paint waits for it: the run reads it and sends its next calls first.
      const now = performance.now();
      if (!force && answerDueWithin(lastCost.current + HOLD_RECHECK_MS) && now - (heldSince.current ??= now) < MAX_HOLD_MS) {
        timer.current = setTimeout(() => take(false), HOLD_RECHECK_MS);
        return;
      }
      heldSince.current = null;
      const next = viewedState(api.getState()).live.grs;
      if (next === shown.current) return;
      shown.current = next;
      startedAt.current = performance.now();
      // A run's end renders as a transition: the status line ("Done") commits first, the view right after.
      if (next.status === 'running') setGrs(next);
      else startTransition(() => setGrs(next));
    };
    const offer = () => {
      const state = api.getState();
      const viewed = viewedState(state);
      const next = viewed.live.grs;
      if (next === shown.current) return;
      // A moment chosen on the timeline (a scrub, a step, presentation's ←/→) is shown at once, like a new run.
      if (viewed !== state || showsAtOnce(shown.current, next)) {
        if (timer.current) clearTimeout(timer.current);
        return take(true);
      }
      if (timer.current) return;
      timer.current = setTimeout(() => take(false), Math.max(0, nextAt.current - performance.now()));
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
