import type { FunctionRegistry } from '../functions/types';
import { docMergeScore } from './docMerge/scoring';
import { parseMergedTally, tallySumsMatch } from './keywordCounting/merge';
import { keywordCountingError, keywordCountingSolved } from './keywordCounting/scoring';
import { setIntersectionError, setIntersectionSolved } from './setIntersection/scoring';
import { emptyRegistry } from './shared/registry';
import { sortingError, sortingSolved } from './sorting/scoring';

/** The four tasks' named functions, registered as `task.name` (e.g. `sorting.error`). */
export function taskFunctions(): FunctionRegistry {
  const r = emptyRegistry();
  r.scorers['sorting.error'] = {
    label: 'Sorting error',
    help: 'Per digit |count in answer − count in reference| summed, plus adjacent pairs out of order; the reference is the part being sorted, else the whole input. Unparseable: 300. Lower is better.',
    fn: sortingError,
  };
  r.evaluators['sorting.solved'] = { label: 'Sorted correctly', help: 'The answer equals the sorted input list.', fn: sortingSolved };
  r.scorers['setIntersection.error'] = {
    label: 'Set intersection error',
    help: 'Missing + extra + duplicated elements against the true intersection (of the part, when working on a part). Unparseable: 300. Lower is better.',
    fn: setIntersectionError,
  };
  r.evaluators['setIntersection.solved'] = { label: 'Intersection correct', help: 'The answer holds exactly the common elements, each once.', fn: setIntersectionSolved };
  r.scorers['keywordCounting.error'] = {
    label: 'Keyword counting error',
    help: 'Σ |true − predicted| over countries, for the passage when working on a part, else the whole text. Unparseable: 300. Lower is better.',
    fn: keywordCountingError,
  };
  r.evaluators['keywordCounting.solved'] = { label: 'Counts correct', help: 'Every country of the whole text is counted exactly.', fn: keywordCountingSolved };
  r.validators['keywordCounting.sumsMatch'] = {
    label: 'Merged counts add up',
    help: 'Each merged count is the sum of the counts it was merged from.',
    fn: tallySumsMatch,
  };
  r.parsers['keywordCounting.mergeTallies'] = {
    label: 'Merged tally',
    help: 'A JSON tally; records the input tallies (addends) and their joined passages for scoring and validation.',
    fn: parseMergedTally,
  };
  r.answerReaders['docMerge.score'] = {
    label: 'NDA merge score',
    help: 'Averages <Redundancy> and <Retained> (0–10) over the samples, then takes their harmonic mean. Higher is better.',
    fn: (texts) => docMergeScore(texts),
  };
  return r;
}
