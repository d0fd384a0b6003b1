import type { JsonValue } from '../graph/specs';
import { formatValue } from '../prompts/render';
import type { FunctionRegistry, ThoughtView } from './types';

/** An empty registry, to build on. */
export function emptyFunctionRegistry(): FunctionRegistry {
  return { scorers: {}, validators: {}, evaluators: {}, selectors: {}, parsers: {}, answerReaders: {} };
}

const current = (t: ThoughtView): JsonValue => t.state.current ?? null;
const byScore = (ts: readonly ThoughtView[], higher: boolean): ThoughtView[] =>
  ts
    .filter((t) => t.scored && t.score !== null)
    .sort((a, b) => (higher ? (b.score as number) - (a.score as number) : (a.score as number) - (b.score as number)));

/**
 * Generic named functions any graph can use, independent of a task. Tasks add theirs under
 * `task.name` (e.g. `sorting.error`); combine them with mergeFunctionRegistries.
 */
export function builtinFunctions(): FunctionRegistry {
  return {
    scorers: {
      'text.length': {
        label: 'Length of the answer',
        help: 'Characters in state.current (lists and objects count their JSON text).',
        fn: (t) => (current(t) === null ? 0 : formatValue(current(t) as JsonValue).length),
      },
      'list.length': {
        label: 'Items in the answer',
        help: 'Number of items when state.current is a list, else 0.',
        fn: (t) => {
          const v = current(t);
          return Array.isArray(v) ? v.length : 0;
        },
      },
      'parse.ok': {
        label: 'Parsed (1) or not (0)',
        help: '1 when the answer could be parsed, 0 when it could not.',
        fn: (t) => (t.parseError ? 0 : 1),
      },
    },
    validators: {
      'always.valid': { label: 'Always valid', help: 'Accepts every thought.', fn: () => true },
      'parse.ok': { label: 'Answer parsed', help: 'Valid when the answer could be parsed.', fn: (t) => !t.parseError },
      'answer.nonEmpty': {
        label: 'Answer not empty',
        help: 'Valid when state.current is a non-empty string, list or object.',
        fn: (t) => {
          const v = current(t);
          if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
          return v !== null && (typeof v !== 'object' || Object.keys(v).length > 0);
        },
      },
    },
    evaluators: {
      'always.solved': { label: 'Always solved', help: 'Marks every thought solved (for tasks without ground truth).', fn: () => true },
      'answer.equalsExpected': {
        label: 'Answer equals expected',
        help: 'Solved when state.current equals state.expected (compared as JSON).',
        fn: (t) => JSON.stringify(t.state.current ?? null) === JSON.stringify(t.state.expected ?? null),
      },
    },
    selectors: {
      all: { label: 'All', help: 'Keeps every thought.', fn: (ts) => [...ts] },
      first: { label: 'First', help: 'Keeps the first input thought.', fn: (ts) => ts.slice(0, 1) },
      last: { label: 'Last', help: 'Keeps the last input thought.', fn: (ts) => ts.slice(-1) },
      best: {
        label: 'Best (highest score)',
        help: 'Keeps the scored thought with the highest score; ties keep input order.',
        fn: (ts) => byScore(ts, true).slice(0, 1),
      },
      lowest: {
        label: 'Best (lowest score)',
        help: 'Keeps the scored thought with the lowest score; ties keep input order.',
        fn: (ts) => byScore(ts, false).slice(0, 1),
      },
    },
    parsers: {
      lines: {
        label: 'One thought per line',
        help: 'Each non-empty line of the answer becomes a thought with the line under current.',
        fn: (text) => ({
          ok: true,
          updates: text
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter(Boolean)
            .map((line) => ({ current: line })),
        }),
      },
    },
    answerReaders: {
      'first.number': {
        label: 'First number',
        help: 'The first number of each completion, averaged over samples.',
        fn: (texts) => {
          const ns = texts
            .map((t) => /-?\d+(?:\.\d+)?/.exec(t)?.[0])
            .filter((x): x is string => x !== undefined)
            .map(Number);
          if (ns.length === 0) throw new Error('no completion contains a number');
          return ns.reduce((a, b) => a + b, 0) / ns.length;
        },
      },
    },
  };
}

/** Combines registries; when two define the same name, the later one wins. */
export function mergeFunctionRegistries(...regs: readonly FunctionRegistry[]): FunctionRegistry {
  const out = emptyFunctionRegistry();
  for (const reg of regs) {
    Object.assign(out.scorers, reg.scorers);
    Object.assign(out.validators, reg.validators);
    Object.assign(out.evaluators, reg.evaluators);
    Object.assign(out.selectors, reg.selectors);
    Object.assign(out.parsers, reg.parsers);
    Object.assign(out.answerReaders, reg.answerReaders);
  }
  return out;
}
