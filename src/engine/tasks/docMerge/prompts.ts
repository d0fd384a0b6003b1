import type { ParserSpec } from '../../graph/specs';
import { STEP_BY_STEP } from '../shared/phrases';

/** Phrases that identify each document-merging prompt (the offline simulator recognises them). */
export const DOC_MERGE_PHRASES = {
  merge: 'Combine the four non-disclosure agreements below into a single agreement',
  improve: 'Make the merged agreement below better',
  fuse: 'Fuse the candidate merged agreements below into one agreement',
  score: 'Rate the merged agreement below against the four original agreements',
} as const;

const originals = `<Doc1>
{{doc1}}
</Doc1>
<Doc2>
{{doc2}}
</Doc2>
<Doc3>
{{doc3}}
</Doc3>
<Doc4>
{{doc4}}
</Doc4>`;

const goal = 'Keep every distinct piece of information the originals hold, and say each thing only once.';
const answerShape = 'Write the merged agreement between <Merged> and </Merged>.';

/** Merge the four originals (IO). */
export function docMergePrompt(): string {
  return `${DOC_MERGE_PHRASES.merge}. ${goal}
${answerShape}

${originals}`;
}

/** Merge, showing the work (CoT): list points, spot repeats, then write. */
export function docMergeStepByStepPrompt(): string {
  return `${DOC_MERGE_PHRASES.merge}. ${goal}
${STEP_BY_STEP}: first list the points each agreement makes, then note which points say the same thing, then write the merged agreement. ${answerShape}

${originals}`;
}

/** Improve one merged agreement (ToT's later levels, GoT's last step). */
export function docImprovePrompt(): string {
  return `${DOC_MERGE_PHRASES.improve}: add what it misses from the originals and drop what it says twice. ${goal}
${answerShape}

${originals}

<Attempt>
{{current}}
</Attempt>`;
}

/** GoT's aggregation: fuse several merged agreements (the input thoughts) into one. */
export function docFusePrompt(): string {
  return `${DOC_MERGE_PHRASES.fuse}, taking the best of each. ${goal}
${answerShape}

${originals}
{{#each inputs}}
<Candidate{{@n}}>
{{current}}
</Candidate{{@n}}>{{/each}}`;
}

/** The LLM scorer's prompt: two 0–10 ratings in tags, read by `docMerge.score`. */
export function docScorePrompt(): string {
  return `${DOC_MERGE_PHRASES.score}. Give two ratings from 0 to 10:
- Redundancy: 10 when nothing is said twice, 0 when most of it repeats itself.
- Retained: 10 when every piece of information of the originals is kept, 0 when almost none is.
Explain briefly, then answer with <Redundancy>n</Redundancy> and <Retained>n</Retained>.

${originals}

<Merged>
{{current}}
</Merged>`;
}

export const docMergeParsers = {
  merged: { kind: 'regex', pattern: '<Merged>([\\s\\S]*?)</Merged>', flags: 'i', key: 'current', group: 1, all: false } satisfies ParserSpec,
} as const;
