import type { JsonValue, ThoughtState } from '../graph/specs';
import { formatValue } from '../prompts/render';
import { ADDENDS_KEY } from '../tasks/keywordCounting/merge';
import { PASSAGE_KEY } from '../tasks/keywordCounting/scoring';
import { SET2_PART_KEY } from '../tasks/setIntersection/scoring';
import { SORTING_SUBLIST_KEY } from '../tasks/sorting/scoring';

/**
 * What the answers of a built-in task look like, so the estimate can size them before a run: the
 * value a solving answer writes under `current`, the work a step-by-step answer shows before it, the
 * state a task's own parser makes, and what an LLM scorer replies. Sized from the task's input
 * (e.g. the actual intersection of the two sets), never from a model run or per-example numbers.
 */
export interface TaskAnswers {
  /** What a split answer divides into parts; undefined: the generic rule. */
  whole?(state: ThoughtState): JsonValue | undefined;
  /** The value an answer for a thought in `state` (an Aggregate's merged inputs) holds under `current`; undefined: the generic rule. */
  solution?(state: ThoughtState, aggregate: boolean): JsonValue | undefined;
  /** The work a step-by-step answer writes before its final line (`final` is that line's answer). */
  work?(state: ThoughtState, final: string): string;
  /** A task function parser's expected output state, made from an Aggregate's `inputs` (or the thought's own state). */
  parsers?: Record<string, (state: ThoughtState, inputs: readonly ThoughtState[]) => ThoughtState>;
  /** The reply of the task's LLM scorer. */
  verdict?: string;
}

const numbers = (v: unknown): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const halves = <T>(xs: readonly T[]): [T[], T[]] => [xs.slice(0, Math.ceil(xs.length / 2)), xs.slice(Math.ceil(xs.length / 2))];

/**
 * A long list tends to come back a little short (models drop numbers far more often than they add
 * them): about 12% at 128 numbers, growing with the square of the length, so nothing at 16.
 */
const keptShare = (length: number): number => 1 - 0.12 * Math.min(1, (length / 128) ** 2);

const sorting: TaskAnswers = {
  solution: (state) => {
    const list = numbers(state[SORTING_SUBLIST_KEY]) ?? numbers(state.original);
    return list ? [...list].sort((a, b) => a - b).slice(0, Math.round(list.length * keptShare(list.length))) : undefined;
  },
  // Each half as given and sorted, then a line on merging them.
  work: (state) => {
    const list = numbers(state.current) ?? [];
    const line = (half: number[], name: string): string => `${name} half: ${formatValue(half)} sorted is ${formatValue([...half].sort((a, b) => a - b))}`;
    const [first, second] = halves(list);
    return `${line(first, 'First')}\n${line(second, 'Second')}\nMerging the two sorted halves, always taking the smaller front number.`;
  },
};

/** The common numbers of Set A and `b`. */
function intersection(state: ThoughtState, b: readonly number[]): number[] | undefined {
  const a = numbers(state.set1);
  if (!a) return undefined;
  const inA = new Set(a);
  return b.filter((x) => inA.has(x));
}

/**
 * Answers to a large intersection come back a little long (models add numbers Set A lacks, or
 * repeat some, more often than they miss one): about 35% more at 128 numbers, with the square of
 * the size, so nothing for a part of 16. A join of part answers only copies them.
 */
const extraShare = (length: number): number => 0.35 * Math.min(1, (length / 128) ** 2);

const setIntersection: TaskAnswers = {
  whole: (state) => numbers(state.set2) ?? undefined,
  solution: (state, aggregate) => {
    const whole = numbers(state.set2);
    const part = numbers(state[SET2_PART_KEY]);
    const common = intersection(state, whole ?? part ?? []);
    if (!common) return undefined;
    // A part holds its share of the common numbers (the first part is not more typical than the others).
    const size = part && whole ? Math.round((common.length * part.length) / Math.max(1, whole.length)) : common.length;
    const extra = aggregate ? 0 : Math.round(size * extraShare((part ?? whole ?? []).length));
    return [...common.slice(0, size), ...common.slice(0, extra)];
  },
  work: (state) => {
    const b = numbers(state[SET2_PART_KEY]) ?? numbers(state.set2) ?? [];
    return halves(b)
      .map((half, i) => `${i === 0 ? 'First' : 'Second'} half of Set B: ${formatValue(half)} shares ${formatValue(intersection(state, half) ?? [])} with Set A`)
      .join('\n');
  },
};

const sentencesOf = (t: string): string[] => t.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
/** A stand-in country name as long as a typical one ("Norway", "Portugal"). */
const countryName = (i: number): string => `Nation ${String.fromCharCode(65 + (i % 26))}`;
/** Capitalised names inside sentences (a sentence's first word is capitalised anyway): countries, people, places. */
const NAME = /(?<![.!?]\s|^)\b[A-Z][a-z]+(?: [A-Z][a-z]+)?/g;
/** Of the distinct names a story uses, about three in four are countries (the rest are people and places). */
const COUNTRY_SHARE = 0.75;
const distinctNames = (t: string): number => new Set(t.match(NAME) ?? []).size;
/** The tally a counting answer is expected to hold for `t`: one entry per distinct country it likely names. */
function tallyFor(t: string, whole = t): Record<string, number> {
  // A passage is sized as the typical one of its length in the whole text, not as itself (the first passage may name few).
  const parts = Math.max(1, Math.round(whole.length / Math.max(1, t.length)));
  const size = Math.ceil(whole.length / parts);
  const names = Array.from({ length: parts }, (_, i) => distinctNames(whole.slice(i * size, (i + 1) * size))).reduce((a, b) => a + b, 0) / parts;
  const countries = Math.max(1, Math.round(names * COUNTRY_SHARE));
  return Object.fromEntries(Array.from({ length: countries }, (_, i) => [countryName(i), 2]));
}
const passageOf = (state: ThoughtState): string => text(state[PASSAGE_KEY]) || text(state.text);

const keywordCounting: TaskAnswers = {
  whole: (state) => text(state.text) || undefined,
  solution: (state) => tallyFor(passageOf(state), text(state.text) || undefined),
  work: (state) => {
    // One line per sentence, naming the two or so countries it mentions.
    return sentencesOf(passageOf(state))
      .map((_, i) => `Sentence ${i + 1} names ${countryName(i)}, ${countryName(i + 1)}`)
      .join('\n');
  },
  parsers: {
    // A merged tally covers its inputs' passages together, and records the tallies it added.
    'keywordCounting.mergeTallies': (state, inputs) => {
      const joined = inputs.map(passageOf).join(' ');
      return { ...state, current: tallyFor(joined, text(state.text) || undefined), [ADDENDS_KEY]: inputs.map((t) => t.current ?? {}), [PASSAGE_KEY]: joined };
    },
  },
};

/** A merged agreement keeps the distinct clauses of the four originals: about two thirds of their length together. */
const MERGED_SHARE = 0.65;

const docMerge: TaskAnswers = {
  solution: (state) => {
    const docs = [1, 2, 3, 4].map((i) => text(state[`doc${i}`])).join('\n');
    return docs ? docs.slice(0, Math.round(docs.length * MERGED_SHARE)) : undefined;
  },
  work: () => 'The four agreements make 60 points between them; 40 of them are distinct.',
  // A rating states what it found, then the two scores in their tags.
  verdict: 'The merged agreement keeps 38 of the 45 distinct points of the originals and repeats 2 of them.\n<Redundancy>8</Redundancy>\n<Retained>7</Retained>',
};

const byTask: Record<string, TaskAnswers> = { sorting, setIntersection, keywordCounting, docMerge };

/** How a document's task answers, when it is a built-in task. */
export const taskAnswersFor = (task: string | undefined): TaskAnswers | undefined => (task ? byTask[task] : undefined);

