import type { GotDocument } from '../graph/document';
import type { CallId, OperationId, RunId, ThoughtId } from '../graph/ids';
import type { ThoughtState } from '../graph/specs';
import type { Thought, ThoughtAnnotations } from '../grs/thought';
import type { ChatMessage, ModelErrorKind } from '../models/types';

export type OperationStatus = 'waiting' | 'running' | 'done' | 'failed' | 'skipped' | 'cancelled';
export type RunStatus = 'completed' | 'failed' | 'cancelled' | 'budget';
export type BudgetCap = 'requests' | 'tokens' | 'cost';

export interface Budget {
  requests?: number;
  tokens?: number;
  /** Dollars. */
  cost?: number;
}

/** Totals for a run (and, per operation, the same fields). */
export interface RunTotals {
  requests: number;
  completions: number;
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

/** A run figure its source did not record (an imported reference output has no request counts or timings). */
export type UnrecordedFigure = 'requests' | 'completions' | 'cacheHits' | 'wallMs' | 'criticalPath';

export interface RunSummary extends RunTotals {
  status: RunStatus;
  /** Figures the source did not record: their zeros are placeholders, shown as "—" and exported as null. */
  unrecorded?: UnrecordedFigure[];
  /** What stopped the run early, in words. */
  reason?: string;
  budgetCap?: BudgetCap;
  wallMs: number;
  criticalPath: { hops: number; ms: number; thoughtIds: ThoughtId[] };
  finalThoughtIds: ThoughtId[];
  /** Best final score: by the last Keep Best N's direction, else the document task's, else the highest. */
  bestScore: number | null;
  /** True when any final thought was compared to the ground truth and solved. */
  solved: boolean | null;
}

/**
 * Everything a run reports, in order. `at` is milliseconds since the run started. A run's event
 * list is enough to rebuild its GRS at any moment (grs/reduce) and to replay it.
 */
export interface RunEventMap {
  /** The run starts: the graph as run, its input and settings. */
  'run.start': { runId: RunId; at: number; document: GotDocument; input: ThoughtState; settings: RunSettingsRecord };
  /** The input vertex (hop 0) exists. */
  'thought.input': { at: number; thought: Thought };
  /** An operation got all it waits for and starts. */
  'operation.start': { at: number; opId: OperationId };
  /** An operation finished; `outputs` lists its output thoughts in order with their annotations as it left them. */
  'operation.done': { at: number; opId: OperationId; status: 'done' | 'failed' | 'skipped' | 'cancelled'; outputs: Array<{ id: ThoughtId } & ThoughtAnnotations>; totals: RunTotals; ms: number; error?: string };
  /** A model call starts (after waiting for a concurrency slot). */
  'call.start': {
    at: number;
    callId: CallId;
    opId: OperationId;
    purpose: 'generate' | 'aggregate' | 'improve' | 'score' | 'validate';
    inputIds: ThoughtId[];
    messages: ChatMessage[];
    n: number;
    /** The call's seed and sampling settings as sent (what a replay or a cache keys on). */
    seed?: number;
    temperature?: number;
    maxTokens?: number;
  };
  /** Streamed text of one completion of a call. */
  'call.token': { at: number; callId: CallId; index: number; delta: string };
  /** The provider retries a call. */
  'call.retry': { at: number; callId: CallId; attempt: number; reason: string; status?: number; delayMs: number };
  /** A call finished with its completions. */
  'call.done': { at: number; callId: CallId; texts: string[]; promptTokens: number; completionTokens: number; cost: number; ms: number; cached: boolean; requests: number };
  /** A call failed for good. */
  'call.error': { at: number; callId: CallId; opId: OperationId; kind: ModelErrorKind; message: string; requests?: number };
  /** A new LLM-made vertex, with its metrics. */
  'thought.created': { at: number; thought: Thought };
  /** Score, validity or ground truth set on an existing vertex by an operation. */
  'thought.annotated': { at: number; thoughtId: ThoughtId; opId: OperationId } & Partial<ThoughtAnnotations>;
  /** A filter dropped a thought (it stays in the GRS, marked). */
  'thought.pruned': { at: number; thoughtId: ThoughtId; opId: OperationId; reason: string };
  /** Something the user should know that is not an error of one call (fallbacks, skipped work). */
  log: { at: number; level: 'info' | 'warn' | 'error'; message: string; opId?: OperationId; thoughtId?: ThoughtId };
  /** The run ended. */
  'run.done': { at: number; summary: RunSummary };
}

export type RunEventType = keyof RunEventMap;
export type RunEvent = { [K in RunEventType]: { type: K } & RunEventMap[K] }[RunEventType];

/** The settings of a run as recorded in its log (never an API key). */
export interface RunSettingsRecord {
  model: { baseUrl: string; model: string };
  concurrency: number;
  budget: Budget;
  seed: number;
  cache: boolean;
  sampleIndex: number | null;
  /** For a fork: the run it forked and the operations it ran again (the others' results were carried over). */
  fork?: { fromRunId: RunId; rerun: OperationId[] };
}
