import type { ThoughtView } from '../../functions/types';
import { asNumberList, UNPARSEABLE_ERROR } from '../shared/lists';

/** State key of the part of the second set a thought intersects (set by the split, concatenated by merges). */
export const SET2_PART_KEY = 'set2Part';

/** Missing + extra + duplicated elements of `answer` against `truth`. */
export function setIntersectionErrorOf(answer: readonly number[], truth: ReadonlySet<number>): number {
  const distinct = new Set(answer);
  let missing = 0;
  for (const v of truth) if (!distinct.has(v)) missing++;
  let extra = 0;
  for (const v of distinct) if (!truth.has(v)) extra++;
  return missing + extra + (answer.length - distinct.size);
}

/** The true intersection for a thought: the first set with its part of the second set, or with the whole second set. */
function setIntersectionTruth(t: ThoughtView): Set<number> {
  const set1 = asNumberList(t.state['set1']);
  const set2 = asNumberList(t.state[SET2_PART_KEY]) ?? asNumberList(t.state['set2']);
  if (!set1 || !set2) throw new Error('the thought has no "set1" and "set2" lists of numbers');
  const first = new Set(set1);
  return new Set(set2.filter((v) => first.has(v)));
}

/** The error of a thought's `current` list; an unparseable answer scores 300. */
export function setIntersectionError(t: ThoughtView): number {
  const answer = asNumberList(t.state['current']);
  if (t.parseError || !answer) return UNPARSEABLE_ERROR;
  return setIntersectionErrorOf(answer, setIntersectionTruth(t));
}

/** Solved when `current` holds exactly the intersection of the whole sets, each element once. */
export function setIntersectionSolved(t: ThoughtView): boolean {
  const answer = asNumberList(t.state['current']);
  const set1 = asNumberList(t.state['set1']);
  const set2 = asNumberList(t.state['set2']);
  if (!set1 || !set2) throw new Error('the thought has no "set1" and "set2" lists of numbers');
  if (t.parseError || !answer) return false;
  const first = new Set(set1);
  return setIntersectionErrorOf(answer, new Set(set2.filter((v) => first.has(v)))) === 0;
}
