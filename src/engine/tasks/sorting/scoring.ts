import type { ThoughtView } from '../../functions/types';
import { adjacentDisorder, asNumberList, countValues, UNPARSEABLE_ERROR } from '../shared/lists';

/** State key of the unsorted sub-list a thought was asked to sort (set by the split, concatenated by merges). */
export const SORTING_SUBLIST_KEY = 'unsortedSublist';

/** Σ over values of |count in answer − count in reference| plus the adjacent pairs out of order. */
export function sortingErrorOf(answer: readonly number[], reference: readonly number[]): number {
  const want = countValues(reference);
  const got = countValues(answer);
  let countErrors = 0;
  for (const value of new Set([...want.keys(), ...got.keys()])) countErrors += Math.abs((got.get(value) ?? 0) - (want.get(value) ?? 0));
  return countErrors + adjacentDisorder(answer);
}

/** The list a thought had to sort: its part's sub-list when it works on a part, else the whole input. */
function sortingReference(t: ThoughtView): number[] {
  const reference = asNumberList(t.state[SORTING_SUBLIST_KEY]) ?? asNumberList(t.state['original']);
  if (!reference) throw new Error('the thought has no "original" list of numbers to compare with');
  return reference;
}

/** The sorting error of a thought's `current` list; an unparseable answer scores 300. */
export function sortingError(t: ThoughtView): number {
  const answer = asNumberList(t.state['current']);
  if (t.parseError || !answer) return UNPARSEABLE_ERROR;
  return sortingErrorOf(answer, sortingReference(t));
}

/** Solved when `current` is exactly the sorted whole input. */
export function sortingSolved(t: ThoughtView): boolean {
  const answer = asNumberList(t.state['current']);
  const original = asNumberList(t.state['original']);
  if (!original) throw new Error('the thought has no "original" list of numbers');
  if (t.parseError || !answer || answer.length !== original.length) return false;
  const sorted = [...original].sort((a, b) => a - b);
  return sorted.every((v, i) => answer[i] === v);
}
