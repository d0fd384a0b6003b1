import type { ParserSpec } from '../../graph/specs';
import { STEP_BY_STEP } from '../shared/phrases';
import { SET2_PART_KEY } from './scoring';

/** Phrases that identify each set-intersection prompt (the offline simulator recognises them). */
export const SET_INTERSECTION_PHRASES = {
  intersect: 'Find the numbers that appear in both Set A and Set B',
  split: 'Cut Set B into consecutive parts',
  merge: 'Join the two lists into one list',
  fix: 'This attempt at the intersection of Set A and Set B has mistakes',
} as const;

const rules = 'Each set holds distinct numbers in no particular order. List every common number exactly once, in any order.';

/** Intersect (IO). `setBKey` is `set2`, or the part key when working on a part of the second set. */
export function intersectPrompt(setBKey: 'set2' | typeof SET2_PART_KEY = 'set2'): string {
  return `${SET_INTERSECTION_PHRASES.intersect}. ${rules}
Reply with the common numbers only, written like [3, 11, 14], and nothing else.

Example
Set A: [13, 2, 40, 7, 25, 31]
Set B: [7, 18, 40, 5, 12, 13]
Output: [13, 40, 7]

Set A: {{set1}}
Set B: {{${setBKey}}}
Output:`;
}

/** Intersect, showing the work (CoT): check each number of Set B against Set A. */
export function intersectStepByStepPrompt(): string {
  return `${SET_INTERSECTION_PHRASES.intersect}. ${rules}
${STEP_BY_STEP}: cut Set B into halves, find which numbers of each half are also in Set A, then put the two findings together. Write each step, and end with one line "Output: [...]" holding all the common numbers.

Example
Set A: [13, 2, 40, 7, 25, 31]
Set B: [7, 18, 40, 5, 12, 13]
First half of Set B: [7, 18, 40] shares [7, 40] with Set A
Second half of Set B: [5, 12, 13] shares [13] with Set A
Output: [7, 40, 13]

Set A: {{set1}}
Set B: {{set2}}`;
}

/** GoT's first step: cut the second set into `parts` lists of 16 numbers, answered as a JSON object. */
export function intersectSplitPrompt(parts: number): string {
  const names = Array.from({ length: parts }, (_, i) => `"List ${i + 1}"`).join(', ');
  return `${SET_INTERSECTION_PHRASES.split}: ${parts} lists of 16 numbers each, keeping the numbers in their original order.
Reply with a JSON object whose keys are ${names} and whose values are the lists, and nothing else.

Example (a Set B of 8 numbers cut into 2 lists of 4)
Set B: [7, 18, 40, 5, 12, 13, 60, 9]
Output: {"List 1": [7, 18, 40, 5], "List 2": [12, 13, 60, 9]}

Set B: {{set2}}
Output:`;
}

/** GoT's merge: put the part results of two input thoughts together. */
export function intersectMergePrompt(): string {
  return `${SET_INTERSECTION_PHRASES.merge}: append the second list to the first. Keep every number exactly once and add nothing else.
Reply with the joined list only, written like [3, 11, 14], and nothing else.

Example
List 1: [13, 40, 7]
List 2: [2, 25]
Output: [13, 40, 7, 2, 25]
{{#each inputs}}
List {{@n}}: {{current}}{{/each}}
Output:`;
}

/** Fix an incorrect intersection (ToT's later levels). */
export function intersectFixPrompt(): string {
  return `${SET_INTERSECTION_PHRASES.fix}: it may miss common numbers, hold numbers that are not in both sets, or repeat numbers. Check it against both sets and write the corrected intersection. ${rules}
Reply with the corrected list only, written like [3, 11, 14], and nothing else.

Example
Set A: [13, 2, 40, 7, 25, 31]
Set B: [7, 18, 40, 5, 12, 13]
Attempt: [13, 40, 40, 5]
Output: [13, 40, 7]

Set A: {{set1}}
Set B: {{set2}}
Attempt: {{current}}
Output:`;
}

export const setIntersectionParsers = {
  list: { kind: 'list', key: 'current', items: 'numbers' } satisfies ParserSpec,
  split: { kind: 'jsonParts', partKey: 'part', valueKeys: [SET2_PART_KEY] } satisfies ParserSpec,
} as const;
