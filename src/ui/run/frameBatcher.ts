/** Schedules a flush: requestAnimationFrame in the app, a manual pump in tests. */
export type FrameScheduler = (flush: () => void) => void;

/** Whether a flush starting at `now` and taking about `flushMs` would likely still run when something more urgent arrives. */
export type FlushHold = (now: number, flushMs: number) => boolean;

const FRAME_MS = 1000 / 60;
/** The longest a held flush (or a view's paced update, usePacedGrs) waits for a model answer: even a fast run's screen updates four times a second. */
export const MAX_HOLD_MS = 250;
/** After a flush that took c ms (the reducer and the store's subscribers), the next waits at least c × this. */
export const FLUSH_PACE = 6;
/** No flush before this time (performance.now ms): the UI rests after a frame it overran. */
let restUntil = 0;

/**
 * When the next flush may run (performance.now ms), for a flush that started at `started`, took `spent` ms
 * itself and whose frame ended at `frameEnd`: after the frame's overrun, and after `spent × FLUSH_PACE`, so
 * store updates that cost much (a run of thousands of thoughts, a slow machine) come every few frames, not every frame.
 */
export const restAfter = (started: number, spent: number, frameEnd: number): number =>
  Math.max(frameEnd + Math.max(0, frameEnd - started - FRAME_MS), started + spent * FLUSH_PACE);

/**
 * One flush per animation frame while frames are cheap. After a flush whose render, layout and paint
 * overran its frame by X ms, the next waits X ms more, and never sooner than FLUSH_PACE times what the flush
 * itself took: the UI takes at most about half of the main thread, which a live run's stream reading and
 * engine share with it. With `hold`, a flush also waits (up to MAX_HOLD_MS) while `hold` says it would
 * still be rendering when a model answer comes in.
 */
export function frameScheduler(hold?: FlushHold): FrameScheduler {
  // Render, layout and paint of the last flush, up to the next frame.
  let lastFlushMs = 0;
  return (flush) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(flush, 16);
      return;
    }
    const asked = performance.now();
    const frame = (): void => {
      const now = performance.now();
      if (now < restUntil || (hold && now - asked < MAX_HOLD_MS && hold(now, lastFlushMs))) {
        requestAnimationFrame(frame);
        return;
      }
      flush();
      const spent = performance.now() - now;
      // The next frame starts once this one's render, layout and paint are done.
      requestAnimationFrame(() => {
        const done = performance.now();
        lastFlushMs = done - now;
        restUntil = restAfter(now, spent, done);
      });
    };
    requestAnimationFrame(frame);
  };
}

export const animationFrameScheduler: FrameScheduler = frameScheduler();

/**
 * Collects items (run events, streamed tokens among them) and hands them over once per frame,
 * so a run streaming hundreds of tokens a second costs one store update per frame, not one per token.
 */
export class FrameBatcher<T> {
  private pending: T[] = [];
  private scheduled = false;

  constructor(
    private readonly deliver: (batch: T[]) => void,
    private readonly schedule: FrameScheduler = animationFrameScheduler,
  ) {}

  push(item: T): void {
    this.pending.push(item);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Delivers everything pending now (also used when a run ends, so the last events are never late). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.deliver(batch);
  }
}
