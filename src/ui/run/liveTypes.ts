import type { GrsState, OperationId, RunEvent, ThoughtId } from '../../engine/index';

/** What the user selected in the thought view or the operation view (drives highlighting). */
export type RunSelection = { kind: 'thought'; id: ThoughtId } | { kind: 'operation'; id: OperationId } | null;

/**
 * The run on screen (live, or reopened from history): the engine's GRS, built from the events by
 * the engine's own reducer (thoughts and calls keep their identity until they change, so a card
 * re-renders only for its own updates), and the log. Everything else a view shows (operation
 * figures, pending calls, order) is derived from `grs` by the selectors in runSelectors.ts.
 */
export interface LiveRun {
  grs: GrsState;
  /** The event log, appended in place; `eventCount` changes with it. */
  events: RunEvent[];
  eventCount: number;
}
