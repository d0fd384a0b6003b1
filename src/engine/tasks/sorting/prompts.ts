import type { ParserSpec } from '../../graph/specs';
import { STEP_BY_STEP } from '../shared/phrases';
import { SORTING_SUBLIST_KEY } from './scoring';

/** Phrases that identify each sorting prompt (the offline simulator recognises them). */
export const SORTING_PHRASES = {
  sort: 'Put the numbers of the input list in ascending order',
  split: 'Cut the input list into consecutive parts',
  merge: 'Merge the two sorted lists into one sorted list',
  fix: 'This attempt to sort the input list has mistakes',
} as const;


const rules = `Every number is a digit from 0 to 9 and may repeat. The answer must contain exactly the numbers of the input, each as many times as it occurs there; only their order changes.`;

/** Sort one list (IO): `{{current}}` is the list, or the part's sub-list. */
export function sortPrompt(): string {
  return `${SORTING_PHRASES.sort}. ${rules}
Reply with the sorted list only, written like [0, 1, 1, 2], and nothing else.

Example
Input: [4, 0, 8, 2, 2, 9, 1, 4]
Output: [0, 1, 2, 2, 4, 4, 8, 9]

Input: {{current}}
Output:`;
}

/** Sort one list, showing the work (CoT): halve, sort the halves, merge. */
export function sortStepByStepPrompt(): string {
  return `${SORTING_PHRASES.sort}. ${rules}
${STEP_BY_STEP}: cut the list into two halves, sort each half, then merge the two sorted halves by repeatedly taking the smaller front number. Write each step, and end with one line "Output: [...]" holding the final sorted list.

Example
Input: [4, 0, 8, 2, 2, 9, 1, 4]
First half: [4, 0, 8, 2] sorted is [0, 2, 4, 8]
Second half: [2, 9, 1, 4] sorted is [1, 2, 4, 9]
Merging the halves gives the final list.
Output: [0, 1, 2, 2, 4, 4, 8, 9]

Input: {{current}}`;
}

/** GoT's first step: cut the whole list into `parts` lists of 16 numbers, answered as a JSON object. */
export function sortSplitPrompt(parts: number): string {
  const names = Array.from({ length: parts }, (_, i) => `"List ${i + 1}"`).join(', ');
  return `${SORTING_PHRASES.split}: ${parts} lists of 16 numbers each, keeping the numbers in their original order. Do not sort anything yet.
Reply with a JSON object whose keys are ${names} and whose values are the lists, and nothing else.

Example (an input of 8 numbers cut into 2 lists of 4)
Input: [4, 0, 8, 2, 2, 9, 1, 4]
Output: {"List 1": [4, 0, 8, 2], "List 2": [2, 9, 1, 4]}

Input: {{current}}
Output:`;
}

/** GoT's merge: the two input thoughts' sorted lists into one. */
export function sortMergePrompt(): string {
  return `${SORTING_PHRASES.merge}. Both lists are already sorted in ascending order. Walk through them together and always take the smaller front number, so that every number of both lists appears exactly once in the result.
Reply with the merged list only, written like [0, 1, 1, 2], and nothing else.

Example
List 1: [0, 2, 4, 8]
List 2: [1, 2, 4, 9]
Output: [0, 1, 2, 2, 4, 4, 8, 9]
{{#each inputs}}
List {{@n}}: {{current}}{{/each}}
Output:`;
}

/**
 * Fix an incorrect sorted list. `sourceKey` names the state key holding the list that had to be
 * sorted (`original`, or the sub-list key when working on a merged part).
 */
export function sortFixPrompt(sourceKey: 'original' | typeof SORTING_SUBLIST_KEY = 'original'): string {
  return `${SORTING_PHRASES.fix}: some numbers may be missing, repeated too often, or out of order. Compare it with the input list, count how often each digit occurs in the input, and write the corrected sorted list. ${rules}
Reply with the corrected list only, written like [0, 1, 1, 2], and nothing else.

Example
Input: [4, 0, 8, 2, 2, 9, 1, 4]
Attempt: [0, 1, 2, 4, 4, 9, 8]
Output: [0, 1, 2, 2, 4, 4, 8, 9]

Input: {{${sourceKey}}}
Attempt: {{current}}
Output:`;
}

/** Parsers: a sorted list under `current`; the split's parts as thoughts carrying their own sub-list. */
export const sortingParsers = {
  list: { kind: 'list', key: 'current', items: 'numbers' } satisfies ParserSpec,
  split: { kind: 'jsonParts', partKey: 'part', valueKeys: ['current', SORTING_SUBLIST_KEY] } satisfies ParserSpec,
} as const;
