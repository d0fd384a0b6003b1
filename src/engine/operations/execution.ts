import type { CheckedOperation } from '../graph/document';
import type { CallId, ThoughtId } from '../graph/ids';
import type { ThoughtState } from '../graph/specs';
import type { FunctionRegistry, ScriptRunner, ThoughtView } from '../functions/types';
import type { ParseFailure, Thought, ThoughtAnnotations } from '../grs/thought';
import type { ChatMessage } from '../models/types';
import type { RunEventMap } from '../run/events';
import type { OperationType } from './definition';

/** One step of the critical path, newest first. */
export interface PathLink {
  thoughtId: ThoughtId;
  prev: PathLink | null;
}

/** The longest chain of call durations that led to a thought at this point of the dataflow. */
export interface CriticalPoint {
  ms: number;
  /** Model calls on that chain. */
  hops: number;
  tail: PathLink | null;
}

/**
 * A thought travelling along a Graph-of-Operations edge. `key` is its canonical position (input
 * order, then completion, then part), so outputs sort the same whatever order calls finish in;
 * `ann` are the annotations as this branch of the dataflow left them.
 */
export interface FlowItem {
  readonly id: ThoughtId;
  readonly key: readonly number[];
  readonly ann: ThoughtAnnotations;
  readonly cp: CriticalPoint;
}

/** A model call an operation asks for. */
export interface CallSpec {
  purpose: RunEventMap['call.start']['purpose'];
  /** Names the call within its operation (part of its id and of its seed), e.g. the input's key. */
  tag: string;
  /** The thoughts the prompt was built from (the call starts after the latest of them on the critical path). */
  inputs: readonly FlowItem[];
  messages: ChatMessage[];
  n: number;
  temperature?: number;
  maxTokens?: number;
}

/** A finished call. */
export interface CallOutcome {
  callId: CallId;
  texts: string[];
  ms: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
  /** The critical point after the call: the latest input's plus this call. */
  cp: CriticalPoint;
}

/** A new LLM-made vertex to add. */
export interface NewThought {
  /** Its id within the operation: the thought id is `${opId}/${tag}`. */
  tag: string;
  key: readonly number[];
  parents: readonly FlowItem[];
  state: ThoughtState;
  parseError?: ParseFailure;
  call: CallOutcome;
  completion: number;
  part: number;
  /** Thoughts parsed from the same completion (its tokens and cost are shared among them). */
  parts: number;
}

/** What an operation's executor can do; the scheduler implements it. */
export interface OperationContext<T extends OperationType = OperationType> {
  readonly op: Extract<CheckedOperation, { type: T }>;
  readonly env: { functions: FunctionRegistry; scripts?: ScriptRunner };
  /** Run-wide defaults for operations that leave temperature / max tokens empty. */
  readonly defaults: { temperature?: number; maxTokens?: number };
  /** Calls `handler` for every input thought as soon as it exists; resolves when all are handled. */
  forEachInput(handler: (item: FlowItem) => Promise<void>): Promise<void>;
  /** Waits for every input, then returns them in canonical order. */
  allInputs(): Promise<FlowItem[]>;
  thought(item: FlowItem): Thought;
  view(item: FlowItem): ThoughtView;
  /** Makes a model call; null when it failed (the failure is already reported). */
  call(spec: CallSpec): Promise<CallOutcome | null>;
  /** Adds a new vertex (emits thought.created) and returns it as a flow item. */
  create(thought: NewThought): FlowItem;
  /** Sets annotations on a thought (emits thought.annotated). */
  annotate(item: FlowItem, ann: Partial<ThoughtAnnotations>, cp?: CriticalPoint): FlowItem;
  /** Marks a thought dropped by this operation (emits thought.pruned). */
  prune(item: FlowItem, reason: string): void;
  /** Sends a thought out of this operation. */
  output(item: FlowItem): void;
  /** Reports a problem with one thought; the operation goes on with the others. */
  problem(message: string, level: 'warn' | 'error', thoughtId?: ThoughtId): void;
  /** The critical point of a barrier: the latest of all its inputs. */
  latest(items: readonly FlowItem[]): CriticalPoint;
}

/** Runs one operation over its inputs. */
export type OperationExecutor<T extends OperationType> = (ctx: OperationContext<T>) => Promise<void>;

/** A failure that stops one operation (e.g. an unscored input reaching Keep Best N). */
export class OperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}

/** `a.b.c` from a key, for ids and seeds. */
export const keyTag = (key: readonly number[]): string => key.join('.');

/** Orders keys lexicographically (a prefix first). */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}
