import type { CallId, OperationId, RunId, ThoughtId } from '../graph/ids';
import type { ThoughtState } from '../graph/specs';

/** A parse failure, kept on the thought with the raw answer. */
export interface ParseFailure {
  message: string;
  raw: string;
}

/** Why a filter dropped a thought. */
export interface Pruning {
  opId: OperationId;
  reason: string;
}

/**
 * A vertex of the Graph Reasoning State. The input vertex has kind `input`; every other vertex was
 * made by one model call (kind `llm`). Annotations (score, valid, solved, pruned) show the latest
 * operation that set them.
 */
export interface Thought {
  id: ThoughtId;
  kind: 'input' | 'llm';
  /** The operation that made it (null for the input). */
  opId: OperationId | null;
  parents: ThoughtId[];
  state: ThoughtState;
  /** The call that made it, and which completion and which part of that completion. */
  origin: { callId: CallId; completion: number; part: number } | null;
  parseError?: ParseFailure;
  /** Set on a thought a fork carried over from the run it forked (`edited`: with the state the user gave it); absent on thoughts the run made. */
  carried?: { fromRunId: RunId; edited: boolean };

  /** LLM-made thoughts u ≠ t with a path u → t. */
  volume: number;
  /** LLM hops on the longest path from the input. */
  latency: number;
  /** Milliseconds of the call that made it. */
  ms: number;
  /** When it was finished, in ms since the run started. */
  finishedAt: number;
  /** Its share of the call's tokens and cost. */
  promptTokens: number;
  completionTokens: number;
  cost: number;
  /** Call milliseconds on the longest dependency chain that led to it (the run's critical path ends at one of these). */
  criticalMs: number;

  score: number | null;
  scored: boolean;
  valid: boolean | null;
  validated: boolean;
  solved: boolean | null;
  compared: boolean;
  pruned: Pruning | null;
}

/** The annotation part of a thought, as an operation's output carries it. */
export type ThoughtAnnotations = Pick<Thought, 'score' | 'scored' | 'valid' | 'validated' | 'solved' | 'compared'>;

/** A thought no operation has scored, validated, compared or pruned yet: how every new thought starts. */
export const UNANNOTATED: Readonly<ThoughtAnnotations & Pick<Thought, 'pruned'>> = Object.freeze({
  score: null,
  scored: false,
  valid: null,
  validated: false,
  solved: null,
  compared: false,
  pruned: null,
});
