import type { Table2Scheme } from './table2';

/** A scheme the lesson runs: the paper's IO baseline or a row of its Table 2. */
export type LessonScheme = 'IO' | Table2Scheme;

/** One scheme's step: which shipped example it runs and what the caption says. */
export interface SchemeStep {
  kind: 'scheme';
  scheme: LessonScheme;
  exampleId: string;
  /** Built by the lesson from `exampleId` as this many self-consistent chains (no CoT-SC example ships). */
  chains?: number;
  title: string;
  does: string;
  lookFor: string;
}

/** A step of the lesson "IO → CoT → ToT → GoT": a word before, one run per scheme, the table at the end. */
export type LessonStep = { kind: 'intro' } | SchemeStep | { kind: 'table' };

/** Every scheme the lesson knows, in the paper's order; a scheme whose example is not shipped is left out of the steps. */
export const SCHEME_STEPS: readonly SchemeStep[] = [
  {
    kind: 'scheme',
    scheme: 'IO',
    exampleId: 'sorting-064-io',
    title: 'IO: ask once, answer once',
    does: 'The model gets the 64 digits and must reply with the sorted list straight away: one request, one thought.',
    lookFor: 'One card after the input. Its score is the error: digits lost or repeated, plus neighbours left out of order.',
  },
  {
    kind: 'scheme',
    scheme: 'CoT',
    exampleId: 'sorting-064-cot',
    title: 'CoT: show the working',
    does: 'Still a single request, but the prompt asks for the steps (halve, sort each half, merge) before the answer.',
    lookFor: 'The chain lives inside one answer, so the graph has the same shape as IO. Compare the error with IO’s.',
  },
  {
    kind: 'scheme',
    scheme: 'CoT-SC',
    exampleId: 'sorting-064-cot',
    chains: 5,
    title: 'CoT-SC: several chains, keep the best',
    does: 'GoT Studio ships no CoT-SC example, so the lesson builds one from the CoT graph: the same prompt answered by 5 independent chains, each scored, the best kept.',
    lookFor: 'Five cards side by side and one survivor: no chain sees another, so the final thought still has volume 0 and latency 1.',
  },
  {
    kind: 'scheme',
    scheme: 'ToT',
    exampleId: 'sorting-064-tot',
    title: 'ToT: branch, score, keep the best, go deeper',
    does: 'The model answers 20 times and a scorer keeps the best; three more rounds ask for 20 repairs of the best so far.',
    lookFor: 'Wide lanes whose losers fold into “not kept”. The last thought is 4 hops deep but only the chain of bests leads to it.',
  },
  {
    kind: 'scheme',
    scheme: 'GoT',
    exampleId: 'sorting-064-got',
    title: 'GoT: split, solve the parts, merge',
    does: 'The list is cut into 4 lists of 16; each is sorted 5 times and the best kept; pairs are merged (10 tries), refined, and merged again.',
    lookFor: 'Four branches join into one: the final thought has many thoughts behind it (volume) for few hops (latency).',
  },
];

/** The lesson's steps for the examples the gallery ships: intro, each scheme found, the table. */
export function lessonSteps(shippedIds: ReadonlySet<string>): LessonStep[] {
  return [{ kind: 'intro' }, ...SCHEME_STEPS.filter((s) => shippedIds.has(s.exampleId)), { kind: 'table' }];
}

/** The step index after a move, kept inside the lesson. */
export function moveStep(steps: readonly LessonStep[], index: number, by: 1 | -1): number {
  return Math.min(steps.length - 1, Math.max(0, index + by));
}
