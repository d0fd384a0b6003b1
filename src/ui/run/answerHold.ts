/** How long from `now` (performance.now ms) until the live run's next model answer is due (0: late, any moment), or null when none is expected. */
export type AnswerClock = (now: number) => number | null;

let clock: AnswerClock | null = null;

/** The app's run controller registers its answer forecast here, so views that update on their own clock can keep out of its way. */
export function setAnswerProbe(next: AnswerClock | null): void {
  clock = next;
}

/** How long until the live run's next model answer is due (ms; 0 when one is late), or null when none is expected. */
export function answerDueIn(): number | null {
  return clock?.(performance.now()) ?? null;
}

/** Whether an update taking about `costMs` would likely still be running when a model answer arrives (false with no live run). */
export function answerDueWithin(costMs: number): boolean {
  const wait = answerDueIn();
  return wait !== null && wait <= costMs;
}
