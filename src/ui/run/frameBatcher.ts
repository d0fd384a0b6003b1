/** Schedules a flush: requestAnimationFrame in the app, a manual pump in tests. */
export type FrameScheduler = (flush: () => void) => void;

export const animationFrameScheduler: FrameScheduler = (flush) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
  else setTimeout(flush, 16);
};

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
