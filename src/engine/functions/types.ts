import type { JsonValue, ThoughtState } from '../graph/specs';
import type { ThoughtAnnotations } from '../grs/thought';

/** What a scorer, validator, evaluator or selector sees of a thought. */
export interface ThoughtView extends ThoughtAnnotations {
  id: string;
  state: ThoughtState;
  /** Set when the answer that made this thought could not be parsed. */
  parseError?: { message: string; raw: string };
}

/** Context for a parser: the state the new thoughts start from, and for Aggregate the inputs. */
export interface ParseContext {
  state: ThoughtState;
  inputs: readonly ThoughtView[];
}

/** A parser's verdict: zero or more state updates (one new thought each), or a failure kept on the thought. */
export type ParseResult = { ok: true; updates: ThoughtState[] } | { ok: false; message: string };

interface Named<F> {
  label: string;
  help: string;
  fn: F;
}

/**
 * Named built-in functions a graph can refer to by name (`{ kind: 'function', name }`).
 * Tasks register theirs under `task.name` (e.g. `sorting.error`).
 */
export interface FunctionRegistry {
  scorers: Record<string, Named<(t: ThoughtView) => number>>;
  validators: Record<string, Named<(t: ThoughtView) => boolean>>;
  evaluators: Record<string, Named<(t: ThoughtView) => boolean>>;
  selectors: Record<string, Named<(ts: readonly ThoughtView[]) => ThoughtView[]>>;
  parsers: Record<string, Named<(text: string, ctx: ParseContext) => ParseResult>>;
  /** Read all sample completions of one LLM score/validation request; return a number (score) or boolean (validity). */
  answerReaders: Record<string, Named<(texts: readonly string[], t: ThoughtView) => number | boolean>>;
}

/** Runs user-written JavaScript isolated with a time limit (a Web Worker in the browser, a worker thread in Node). */
export interface ScriptRunner {
  /**
   * Runs `code` as the body of `function (arg) { … }` where `arg` is named `state` or `thoughts`.
   * Rejects with a clear message when it throws, times out or returns the wrong kind of value.
   */
  run(code: string, argName: 'state' | 'thoughts', arg: JsonValue, timeoutMs: number): Promise<JsonValue>;
}
