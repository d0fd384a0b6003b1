import { describe, expect, it } from 'vitest';
import { viewOf } from '../../functions/testing';
import { sortingError, sortingErrorOf, sortingSolved, SORTING_SUBLIST_KEY } from './scoring';

describe('sorting error', () => {
  it('is zero for the sorted input', () => {
    expect(sortingErrorOf([0, 1, 1, 5, 9], [5, 1, 9, 0, 1])).toBe(0);
  });

  it('adds one per digit too few or too many', () => {
    // one 1 missing, one 9 extra
    expect(sortingErrorOf([0, 1, 5, 9, 9], [5, 1, 9, 0, 1])).toBe(2);
  });

  it('adds one per adjacent pair out of order', () => {
    expect(sortingErrorOf([1, 0, 1, 9, 5], [5, 1, 9, 0, 1])).toBe(2);
  });

  it('counts both kinds of mistake together', () => {
    expect(sortingErrorOf([3, 2, 2], [2, 3, 4])).toBe(2 + 1);
  });

  it('compares with the whole input when the thought is not working on a part', () => {
    expect(sortingError(viewOf({ original: [3, 1, 2], current: [1, 2, 3] }))).toBe(0);
    expect(sortingError(viewOf({ original: [3, 1, 2], current: [1, 2] }))).toBe(1);
  });

  it("compares with the part's sub-list when the thought works on a part", () => {
    const part = { original: [3, 1, 2, 9, 8, 7], [SORTING_SUBLIST_KEY]: [9, 8, 7], part: 'List 2' };
    expect(sortingError(viewOf({ ...part, current: [7, 8, 9] }))).toBe(0);
    expect(sortingError(viewOf({ ...part, current: [1, 2, 3, 7, 8, 9] }))).toBe(3);
  });

  it('falls back to the whole input when the sub-list was cleared (the last merge)', () => {
    expect(sortingError(viewOf({ original: [2, 1], [SORTING_SUBLIST_KEY]: null, current: [1, 2] }))).toBe(0);
  });

  it('scores an unparseable answer 300', () => {
    expect(sortingError(viewOf({ original: [2, 1], current: [2, 1] }, { parseError: { message: 'no list', raw: 'I cannot' } }))).toBe(300);
    expect(sortingError(viewOf({ original: [2, 1], current: 'not a list' }))).toBe(300);
  });

  it('names the missing key when there is nothing to compare with', () => {
    expect(() => sortingError(viewOf({ current: [1] }))).toThrow(/original/);
  });
});

describe('sorting ground truth', () => {
  it('is solved only when the answer is exactly the sorted whole input', () => {
    expect(sortingSolved(viewOf({ original: [2, 0, 2], current: [0, 2, 2] }))).toBe(true);
    expect(sortingSolved(viewOf({ original: [2, 0, 2], current: [0, 2] }))).toBe(false);
    expect(sortingSolved(viewOf({ original: [2, 0, 2], current: [2, 0, 2] }))).toBe(false);
  });

  it('is not solved by a part that is sorted correctly', () => {
    expect(sortingSolved(viewOf({ original: [2, 0, 3, 1], [SORTING_SUBLIST_KEY]: [3, 1], current: [1, 3] }))).toBe(false);
  });
});
