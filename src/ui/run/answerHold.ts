import type { FlushHold } from './frameBatcher';

/** Whether a model answer of the live run is expected within `windowMs` of `now` (performance.now ms): the run controller's forecast, as its frame batcher asks it. */
export type AnswerProbe = FlushHold;
/** How long from `now` (performance.now ms) until the live run's next model answer is due (0: late, any moment), or null when none is expected. */
export type AnswerClock = (now: number) => number | null;

let probe: AnswerProbe | null = null;
let clock: AnswerClock | null = null;

/** The app's run controller registers its answer forecast here, so views that update on their own clock can keep out of its way. */
export function setAnswerProbe(next: AnswerProbe | null, nextClock: AnswerClock | null = null): void {
  probe = next;
  clock = nextClock;
}

/** Whether an update taking about `costMs` would likely still be running when a model answer arrives (false with no live run). */
export function answerDueWithin(costMs: number): boolean {
  return probe !== null && probe(performance.now(), costMs);
}

/** How long until the live run's next model answer is due (ms; 0 when one is late), or null when none is expected. */
export function answerDueIn(): number | null {
  return clock?.(performance.now()) ?? null;
}
