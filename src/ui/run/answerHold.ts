import type { FlushHold } from './frameBatcher';

/** Whether a model answer of the live run is expected within `windowMs` of `now` (performance.now ms): the run controller's forecast, as its frame batcher asks it. */
export type AnswerProbe = FlushHold;

let probe: AnswerProbe | null = null;

/** The app's run controller registers its answer forecast here, so views that update on their own clock can keep out of its way. */
export function setAnswerProbe(next: AnswerProbe | null): void {
  probe = next;
}

/** Whether an update taking about `costMs` would likely still be running when a model answer arrives (false with no live run). */
export function answerDueWithin(costMs: number): boolean {
  return probe !== null && probe(performance.now(), costMs);
}
