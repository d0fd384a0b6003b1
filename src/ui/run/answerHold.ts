/** Whether a model answer of the live run is expected within `windowMs` of `now` (performance.now ms). */
export type AnswerProbe = (now: number, windowMs: number) => boolean;

/** The longest a view update is held back for an answer due (ms): even a fast run's views keep moving. */
export const MAX_ANSWER_HOLD_MS = 250;

let probe: AnswerProbe | null = null;

/** The app's run controller registers its answer forecast here, so views that update on their own clock can keep out of its way. */
export function setAnswerProbe(next: AnswerProbe | null): void {
  probe = next;
}

/** Whether an update taking about `costMs` would likely still be running when a model answer arrives (false with no live run). */
export function answerDueWithin(costMs: number): boolean {
  return probe !== null && probe(performance.now(), costMs);
}
