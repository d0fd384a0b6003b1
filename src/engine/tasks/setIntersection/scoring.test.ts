import { describe, expect, it } from 'vitest';
import { viewOf } from '../../functions/testing';
import { SET2_PART_KEY, setIntersectionError, setIntersectionErrorOf, setIntersectionSolved } from './scoring';

describe('set intersection error', () => {
  it('counts missing, extra and duplicated elements', () => {
    const truth = new Set([1, 2, 3]);
    expect(setIntersectionErrorOf([3, 1, 2], truth)).toBe(0);
    expect(setIntersectionErrorOf([1, 2], truth)).toBe(1);
    expect(setIntersectionErrorOf([1, 2, 3, 7], truth)).toBe(1);
    expect(setIntersectionErrorOf([1, 2, 3, 3], truth)).toBe(1);
    expect(setIntersectionErrorOf([1, 1, 8], truth)).toBe(2 + 1 + 1);
  });

  it('compares with the intersection of the whole sets', () => {
    const state = { set1: [1, 2, 3, 4], set2: [3, 4, 5, 6] };
    expect(setIntersectionError(viewOf({ ...state, current: [4, 3] }))).toBe(0);
    expect(setIntersectionError(viewOf({ ...state, current: [4] }))).toBe(1);
  });

  it('compares with the intersection of its part of the second set when working on a part', () => {
    const state = { set1: [1, 2, 3, 4], set2: [3, 4, 5, 6], [SET2_PART_KEY]: [5, 6, 4], part: 'List 2' };
    expect(setIntersectionError(viewOf({ ...state, current: [4] }))).toBe(0);
    expect(setIntersectionError(viewOf({ ...state, current: [3, 4] }))).toBe(1);
  });

  it('scores an unparseable answer 300', () => {
    expect(setIntersectionError(viewOf({ set1: [1], set2: [1], current: [] }, { parseError: { message: 'no list', raw: '?' } }))).toBe(300);
  });

  it('is solved only by the exact intersection of the whole sets, each element once', () => {
    const state = { set1: [1, 2, 3], set2: [2, 3, 4] };
    expect(setIntersectionSolved(viewOf({ ...state, current: [3, 2] }))).toBe(true);
    expect(setIntersectionSolved(viewOf({ ...state, current: [3, 2, 2] }))).toBe(false);
    expect(setIntersectionSolved(viewOf({ ...state, [SET2_PART_KEY]: [2], current: [2] }))).toBe(false);
  });
});
