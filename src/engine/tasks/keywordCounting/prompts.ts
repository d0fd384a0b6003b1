import type { ParserSpec } from '../../graph/specs';
import { STEP_BY_STEP } from '../shared/phrases';
import { PASSAGE_KEY } from './scoring';

/** Phrases that identify each keyword-counting prompt (the offline simulator recognises them). */
export const KEYWORD_PHRASES = {
  count: 'Count how many times each country is named in the text',
  split: 'Cut the text into passages',
  merge: 'Add up the tallies of country mentions',
  fix: 'This tally of country mentions in the text has mistakes',
  resum: 'The combined tally is not the sum of the tallies it was made from',
} as const;

const answerShape = 'a JSON object mapping each country to its count, like {"France": 2, "Japan": 1}';

/** Count (IO). `textKey` is `text`, or the passage key when working on a part. */
export function countPrompt(textKey: 'text' | typeof PASSAGE_KEY = 'text'): string {
  return `${KEYWORD_PHRASES.count}. Count a country every time its name appears, including repeats; ignore nationalities and cities.
Reply with ${answerShape}, and nothing else.

Example
<Text>Ana flew from Chile to Japan, then back to Chile.</Text>
Output: {"Chile": 2, "Japan": 1}

<Text>{{${textKey}}}</Text>
Output:`;
}

/** Count, showing the work (CoT): sentence by sentence, then total. */
export function countStepByStepPrompt(): string {
  return `${KEYWORD_PHRASES.count}. Count a country every time its name appears, including repeats; ignore nationalities and cities.
${STEP_BY_STEP}: go through the text one sentence at a time and write the countries each sentence names, then add everything up. End with one line "Output:" followed by ${answerShape}.

Example
<Text>Ana flew from Chile to Japan. Then she went back to Chile.</Text>
Sentence 1 names Chile, Japan
Sentence 2 names Chile
Output: {"Chile": 2, "Japan": 1}

<Text>{{text}}</Text>`;
}

/** GoT's first step: cut the text into `parts` passages at sentence boundaries, answered as a JSON object. */
export function countSplitPrompt(parts: number): string {
  const names = Array.from({ length: parts }, (_, i) => `"Passage ${i + 1}"`).join(', ');
  return `${KEYWORD_PHRASES.split}: ${parts} passages of about the same length, cutting only between sentences and keeping every word as it is.
Reply with a JSON object whose keys are ${names} and whose values are the passages, and nothing else.

Example (2 passages)
<Text>Ana flew to Chile. She loved it. Then she saw Japan.</Text>
Output: {"Passage 1": "Ana flew to Chile. She loved it.", "Passage 2": "Then she saw Japan."}

<Text>{{text}}</Text>
Output:`;
}

/** GoT's merge: add up the input thoughts' tallies. */
export function countMergePrompt(): string {
  return `${KEYWORD_PHRASES.merge}: for every country, the combined count is the sum of its counts in the tallies (a country missing from a tally counts 0 there).
Reply with ${answerShape}, and nothing else.

Example
Tally 1: {"Chile": 2, "Japan": 1}
Tally 2: {"Chile": 1, "Peru": 3}
Output: {"Chile": 3, "Japan": 1, "Peru": 3}
{{#each inputs}}
Tally {{@n}}: {{current|json}}{{/each}}
Output:`;
}

/** Recount (ToT's later levels): the text and the wrong tally. */
export function countFixPrompt(): string {
  return `${KEYWORD_PHRASES.fix}: some countries may be missing, miscounted or not named in the text at all. Go through the text again and write the corrected tally.
Reply with ${answerShape}, and nothing else.

<Text>{{text}}</Text>
Attempt: {{current|json}}
Output:`;
}

/** ValidateAndImprove's improve step after a merge whose counts do not add up. */
export function countResumPrompt(): string {
  return `${KEYWORD_PHRASES.resum}. Add the tallies again, country by country, and write the correct combined tally.
Reply with ${answerShape}, and nothing else.

Tallies: {{addends|json}}
Combined (wrong): {{current|json}}
Output:`;
}

export const keywordCountingParsers = {
  tally: { kind: 'json', key: 'current' } satisfies ParserSpec,
  split: { kind: 'jsonParts', partKey: 'part', valueKeys: [PASSAGE_KEY] } satisfies ParserSpec,
  merge: { kind: 'function', name: 'keywordCounting.mergeTallies' } satisfies ParserSpec,
} as const;
