import type { JsonValue, ThoughtState } from '../graph/specs';
import type { ThoughtView } from '../functions/types';
import { formatJson, formatValue } from '../prompts/render';
import type { TaskAnswers } from './taskAnswers';

/** What one completion is expected to look like before a run: its text, and the state of the thought it makes. */
export interface ExpectedAnswer {
  text: string;
  state: ThoughtState;
}

/** An answer of unknown size is guessed at about this many characters (~50 tokens). */
const UNKNOWN_ANSWER_CHARS = 200;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string): string => (typeof v === 'string' && v.length > 0 ? v : fallback);
const own = (state: ThoughtState, key: string): boolean => Object.prototype.hasOwnProperty.call(state, key);

/** The largest value of a state, as a prompt would show it: the best guess at an answer's size when nothing says better. */
function largestValue(state: ThoughtState): JsonValue {
  let best: JsonValue = 'x'.repeat(UNKNOWN_ANSWER_CHARS);
  let size = -1;
  for (const v of Object.values(state)) {
    const n = formatValue(v).length;
    if (n > size) [best, size] = [v, n];
  }
  return best;
}

/**
 * The value a parser is expected to read under `key`: the task's solution for the thought when it
 * knows one, else what the state already holds there (an answer reworks it), else the largest value.
 */
function valueFor(state: ThoughtState, key: string, inputs: readonly ThoughtView[], aggregate: boolean, answers?: TaskAnswers): JsonValue {
  const solved = key === 'current' ? answers?.solution?.(state, aggregate) : undefined;
  if (solved !== undefined) return solved;
  if (aggregate) {
    // An aggregation answer covers all its inputs: their lists joined, or the longest text.
    const values = inputs.flatMap((t) => (own(t.state, key) ? [t.state[key] as JsonValue] : []));
    if (values.length > 0 && values.every(Array.isArray)) return values.flat() as JsonValue;
    if (values.length > 0) return values.reduce((a, b) => (formatValue(b).length > formatValue(a).length ? b : a));
  }
  return own(state, key) ? (state[key] as JsonValue) : largestValue(state);
}

/** The `i`-th of `parts` equal slices of a list or text (other values whole). */
function slice(v: JsonValue, i: number, parts: number): JsonValue {
  if (Array.isArray(v) || typeof v === 'string') {
    const size = Math.ceil(v.length / parts);
    return v.slice(i * size, (i + 1) * size);
  }
  return v;
}

/**
 * The expected completion of a call whose answer `parser` reads, for a prompt built from `state`
 * (and, for Aggregate, `inputs`): an answer the size of the value it reworks (a sorted list as long
 * as the list, a merge as long as its inputs together, `parts` slices for a split, a number for a
 * number), and the first thought it would make.
 */
export function expectedAnswer(parser: unknown, state: ThoughtState, inputs: readonly ThoughtView[], options: { aggregate: boolean; parts: number; answers?: TaskAnswers }): ExpectedAnswer {
  const answers = options.answers;
  const p = isRecord(parser) ? parser : { kind: 'text' };
  const set = isRecord(p.set) ? (p.set as ThoughtState) : {};
  const done = (text: string, update: ThoughtState): ExpectedAnswer => ({ text, state: { ...state, ...update, ...set } });
  switch (p.kind) {
    case 'number': {
      const key = str(p.key, 'value');
      return done('7', { [key]: 7 });
    }
    case 'list':
    case 'text':
    case 'regex': {
      const key = str(p.key, 'current');
      const value = valueFor(state, key, inputs, options.aggregate, answers);
      return done(formatValue(value), { [key]: value });
    }
    case 'json': {
      const key = typeof p.key === 'string' && p.key ? p.key : undefined;
      if (!key) return done(formatJson(state as JsonValue), {});
      // The parser stores the whole JSON answer under the key.
      const value = valueFor(state, key, inputs, options.aggregate, answers);
      return done(formatJson(value), { [key]: value });
    }
    case 'jsonParts': {
      const partKey = str(p.partKey, 'part');
      const keys = Array.isArray(p.valueKeys) && p.valueKeys.length > 0 ? p.valueKeys.filter((k): k is string => typeof k === 'string') : ['current'];
      const whole = answers?.whole?.(state) ?? valueFor(state, keys[0] ?? 'current', inputs, options.aggregate);
      const parts = Math.max(1, options.parts);
      const answer: Record<string, JsonValue> = {};
      for (let i = 0; i < parts; i++) answer[`Part ${i + 1}`] = slice(whole, i, parts);
      const first: ThoughtState = { [partKey]: 'Part 1' };
      for (const k of keys) first[k] = slice(own(state, k) ? (state[k] as JsonValue) : whole, 0, parts);
      return done(formatJson(answer), first);
    }
    default: {
      const taskParser = typeof p.name === 'string' ? answers?.parsers?.[p.name] : undefined;
      if (taskParser) {
        const next = taskParser(state, inputs.map((t) => t.state));
        return done(formatValue((next.current ?? '') as JsonValue), next);
      }
      // A task's own parser: its answer is guessed at the size of the largest value it could rework.
      const value = own(state, 'current') ? (state.current as JsonValue) : largestValue(state);
      return done(formatValue(value), {});
    }
  }
}

/** The expected answer to a scoring or validation prompt read by `reader`: a number, a yes, or one number per input. */
export function expectedVerdict(reader: unknown, inputs: number): string {
  const kind = isRecord(reader) ? reader.kind : undefined;
  if (kind === 'yesNo') return 'yes';
  if (kind === 'list') return formatJson(Array.from({ length: Math.max(1, inputs) }, () => 7));
  return '7';
}
