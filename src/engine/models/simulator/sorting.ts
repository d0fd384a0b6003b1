import { SORTING_PHRASES } from '../../tasks/sorting/prompts';
import { calibration } from './calibration';
import { type AnswerContext, drawMistakes } from './context';
import { formatList, lastLabeledList, numberedLists } from './extract';
import { corruptList, type ListMistake, partiallyRepair } from './listNoise';

const c = calibration.sorting;
// Long answers mostly come out short (drops), which never cancel out the way repeats and drops do.
const SORT_MISTAKES: readonly ListMistake[] = ['drop', 'drop', 'drop', 'duplicate', 'replace', 'swap', 'swap'];
const COPY_MISTAKES: readonly ListMistake[] = ['drop', 'duplicate'];
const nearbyDigit = (v: number, u: number): number => (v === 0 ? 1 : v === 9 ? 8 : u < 0.5 ? v - 1 : v + 1);
const ascending = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** Expected mistakes sorting `length` numbers from scratch. */
const sortMean = (length: number, ctx: AnswerContext): number => c.sortRate * (length / 16) ** c.exponent * (ctx.stepByStep ? calibration.stepByStep : 1);

function sortWithMistakes(list: readonly number[], mean: number, ctx: AnswerContext): number[] {
  return corruptList(ascending(list), drawMistakes(ctx, mean), SORT_MISTAKES, nearbyDigit);
}

function sortAnswer(list: number[], ctx: AnswerContext): string {
  const final = formatList(sortWithMistakes(list, sortMean(list.length, ctx), ctx));
  if (!ctx.stepByStep) return final;
  // Shows the work it was asked for; like a real model, its final list need not follow from it.
  const half = Math.ceil(list.length / 2);
  const first = list.slice(0, half);
  const second = list.slice(half);
  const a = sortWithMistakes(first, sortMean(first.length, ctx), ctx);
  const b = sortWithMistakes(second, sortMean(second.length, ctx), ctx);
  return `First half: ${formatList(first)} sorted is ${formatList(a)}\nSecond half: ${formatList(second)} sorted is ${formatList(b)}\nMerging the two sorted halves, always taking the smaller front number.\nOutput: ${final}`;
}

function splitAnswer(prompt: string, list: number[], ctx: AnswerContext): string {
  const parts = Number(/(\d+) lists of (\d+)/.exec(prompt)?.[1] ?? Math.ceil(list.length / 16));
  const size = Math.ceil(list.length / Math.max(1, parts));
  const copied = corruptList(list, drawMistakes(ctx, c.splitRate * (list.length / 64)), COPY_MISTAKES, nearbyDigit);
  const entries = Array.from({ length: parts }, (_, i) => `"List ${i + 1}": ${formatList(copied.slice(i * size, (i + 1) * size))}`);
  return `{${entries.join(', ')}}`;
}

/** Answers the Studio's sorting prompts, or null when the prompt is not one of them. */
export function answerSorting(prompt: string, ctx: AnswerContext): string | null {
  if (prompt.includes(SORTING_PHRASES.split)) {
    const list = lastLabeledList(prompt, 'Input');
    return list ? splitAnswer(prompt, list, ctx) : null;
  }
  if (prompt.includes(SORTING_PHRASES.merge)) {
    const lists = numberedLists(prompt, 'List');
    if (lists.length === 0) return null;
    const all = lists.flat();
    return formatList(sortWithMistakes(all, c.mergeRate * (all.length / 16) ** c.mergeExponent, ctx));
  }
  if (prompt.includes(SORTING_PHRASES.fix)) {
    const input = lastLabeledList(prompt, 'Input');
    const attempt = lastLabeledList(prompt, 'Attempt');
    if (!input || !attempt) return null;
    const repaired = partiallyRepair(attempt, ascending(input), c.fixChance, ctx, true);
    return formatList(corruptList(repaired, drawMistakes(ctx, c.fixNewRate * sortMean(input.length, ctx)), SORT_MISTAKES, nearbyDigit));
  }
  if (prompt.includes(SORTING_PHRASES.sort)) {
    const list = lastLabeledList(prompt, 'Input');
    return list ? sortAnswer(list, ctx) : null;
  }
  return null;
}
