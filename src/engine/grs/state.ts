import type { GotDocument } from '../graph/document';
import type { CallId, OperationId, RunId, ThoughtId } from '../graph/ids';
import type { ThoughtState } from '../graph/specs';
import type { ChatMessage, ModelErrorKind } from '../models/types';
import type { OperationStatus, RunEventMap, RunSettingsRecord, RunStatus, RunSummary, RunTotals } from '../run/events';
import type { Thought, ThoughtAnnotations } from './thought';

/** One operation's progress in a run. */
export interface OperationRunState {
  status: OperationStatus;
  /** ms since run start; null until it starts. */
  startedAt: number | null;
  finishedAt: number | null;
  /** Its output thoughts in order, with the annotations it left on them. */
  outputs: Array<{ id: ThoughtId } & ThoughtAnnotations>;
  totals: RunTotals;
  error: string | null;
}

/** One model call of a run. */
export interface CallRecord {
  id: CallId;
  opId: OperationId;
  purpose: RunEventMap['call.start']['purpose'];
  inputIds: ThoughtId[];
  messages: ChatMessage[];
  n: number;
  /** The seed the call was sent with (absent in recordings made before seeds were logged). */
  seed?: number;
  status: 'running' | 'done' | 'error';
  startedAt: number;
  finishedAt: number | null;
  /** Streamed text so far per completion; the final texts once done. */
  texts: string[];
  promptTokens: number;
  completionTokens: number;
  cost: number;
  ms: number | null;
  cached: boolean;
  /** HTTP requests it took (more than 1 when the server ignored n). */
  requests: number;
  retries: number;
  error: { kind: ModelErrorKind; message: string } | null;
}

export type LogEntry = Omit<RunEventMap['log'], never>;

/**
 * The Graph Reasoning State of a run as its events leave it: thoughts (vertices with parents and
 * metrics), operations, calls, log and totals. Built only by the reducer in grs/reduce.ts.
 */
export interface GrsState {
  runId: RunId | null;
  document: GotDocument | null;
  input: ThoughtState | null;
  settings: RunSettingsRecord | null;
  status: 'idle' | 'running' | RunStatus;
  /** Time of the last event, ms since run start. */
  at: number;
  /** Thought ids in the order they appeared. */
  thoughtOrder: ThoughtId[];
  thoughts: Record<string, Thought>;
  operations: Record<string, OperationRunState>;
  callOrder: CallId[];
  calls: Record<string, CallRecord>;
  logs: LogEntry[];
  /** Filters (Selector, Keep Best N, Keep Valid) that passed each thought on, by thought id. */
  keptBy: Record<string, OperationId[]>;
  totals: RunTotals;
  summary: RunSummary | null;
}

export const zeroTotals = (): RunTotals => ({ requests: 0, completions: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, cost: 0 });

/** An empty GRS (before run.start). */
export function createGrs(): GrsState {
  return {
    runId: null,
    document: null,
    input: null,
    settings: null,
    status: 'idle',
    at: 0,
    thoughtOrder: [],
    thoughts: {},
    operations: {},
    callOrder: [],
    calls: {},
    logs: [],
    keptBy: {},
    totals: zeroTotals(),
    summary: null,
  };
}
