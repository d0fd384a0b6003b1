import type { CallId, GrsState, OperationId, OperationStatus, RunEvent, ThoughtId } from '../../engine/index';

/** Live figures of one operation during and after a run, shaped for its node's metrics strip. */
export interface OpLive {
  status: OperationStatus;
  startedAt: number | null;
  ms: number | null;
  thoughtsIn: number;
  /** Thoughts it made (LLM operations), in creation order. */
  made: ThoughtId[];
  /** Its outputs as it left them (set on `operation.done`). */
  outputs: ThoughtId[] | null;
  calls: CallId[];
  runningCalls: number;
  failedCalls: number;
  bestScore: number | null;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  error: string | null;
}

/** What the user selected in the thought view or the operation view (drives highlighting). */
export type RunSelection = { kind: 'thought'; id: ThoughtId } | { kind: 'operation'; id: OperationId } | null;

/**
 * The run on screen (live, or reopened from history). `grs` is the engine's GRS built from the
 * events by the engine's own reducer (thoughts and calls keep their identity until they change,
 * so a card re-renders only for its own updates); `ops` adds the per-operation figures a node shows.
 */
export interface LiveRun {
  grs: GrsState;
  /** The event log, appended in place; `eventCount` changes with it. */
  events: RunEvent[];
  eventCount: number;
  /** Calls still producing text whose thoughts do not exist yet (pending cards). */
  streaming: CallId[];
  /** Thought-making calls that failed for good (shown as error cards where their thoughts would be). */
  failedCalls: CallId[];
  ops: Record<string, OpLive>;
  /** Operation ids in the run's (topological) order. */
  opOrder: OperationId[];
  /** False when the graph's KeepBestN says lower scores are better (errors). */
  higherIsBetter: boolean;
}
