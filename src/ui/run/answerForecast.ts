import type { RunEvent } from '../../engine/index';

/** Finished calls the typical call time is taken from (the latest ones: a run's calls look alike). */
const RECENT_CALLS = 9;

/**
 * When a live run's model answers are due: the calls in flight, each expected to take about as long
 * as this run's recent uncached calls took. Lets the UI keep its renders out of the moments an answer
 * is expected, so the engine reads it and starts the next calls at once instead of after a frame.
 */
export class AnswerForecast {
  private readonly inFlight = new Map<string, number>();
  private readonly recent: number[] = [];

  /** Notes a run event seen at `now` (performance.now ms). */
  observe(e: RunEvent, now: number): void {
    if (e.type === 'call.start') this.inFlight.set(e.callId, now);
    if (e.type !== 'call.done' && e.type !== 'call.error') return;
    const started = this.inFlight.get(e.callId);
    this.inFlight.delete(e.callId);
    if (started === undefined || e.type !== 'call.done' || e.cached) return;
    this.recent.push(now - started);
    if (this.recent.length > RECENT_CALLS) this.recent.shift();
  }

  /** Forgets everything (a new run). */
  reset(): void {
    this.inFlight.clear();
    this.recent.length = 0;
  }

  /**
   * Whether a call in flight is expected to answer within `windowMs` from `now`, or was due less than
   * half a call ago (late, so any moment now). Nothing is due before a call of this run has finished.
   */
  dueWithin(now: number, windowMs: number): boolean {
    const wait = this.dueIn(now);
    return wait !== null && wait <= windowMs;
  }

  /** How long from `now` until the next answer is due (0 when one is late, due less than half a call ago), or null when none is expected. */
  dueIn(now: number): number | null {
    if (this.recent.length === 0) return null;
    const typical = [...this.recent].sort((a, b) => a - b)[Math.floor(this.recent.length / 2)]!;
    let soonest: number | null = null;
    for (const started of this.inFlight.values()) {
      const due = started + typical;
      if (due < now - typical / 2) continue;
      const wait = Math.max(0, due - now);
      if (soonest === null || wait < soonest) soonest = wait;
    }
    return soonest;
  }
}
