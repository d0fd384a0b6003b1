import { describe, expect, it } from 'vitest';
import { viewOf } from '../../functions/testing';
import { GROUND_TRUTH_COUNTRIES_KEY } from './loader';
import { ADDENDS_KEY, parseMergedTally, tallySumsMatch } from './merge';
import { countMentions, keywordCountingError, keywordCountingSolved, PASSAGE_KEY } from './scoring';

const text = 'Ana left Peru for Chile. In Chile she met Bo from Niger, not Nigeria. Peru again.';
const base = { text, [GROUND_TRUTH_COUNTRIES_KEY]: ['Peru', 'Chile', 'Chile', 'Niger', 'Nigeria', 'Peru'] };

describe('keyword counting error', () => {
  it('is Σ |true − predicted| over countries', () => {
    expect(keywordCountingError(viewOf({ ...base, current: { Peru: 2, Chile: 2, Niger: 1, Nigeria: 1 } }))).toBe(0);
    expect(keywordCountingError(viewOf({ ...base, current: { Peru: 3, Chile: 1, Niger: 1, Nigeria: 1 } }))).toBe(2);
  });

  it('counts a missing or an invented country fully', () => {
    expect(keywordCountingError(viewOf({ ...base, current: { Peru: 2, Niger: 1, Nigeria: 1 } }))).toBe(2);
    expect(keywordCountingError(viewOf({ ...base, current: { Peru: 2, Chile: 2, Niger: 1, Nigeria: 1, Japan: 4 } }))).toBe(4);
  });

  it('compares with the passage a thought counts when it works on a part', () => {
    const part = { ...base, [PASSAGE_KEY]: 'In Chile she met Bo from Niger, not Nigeria.', part: 'Passage 2' };
    expect(keywordCountingError(viewOf({ ...part, current: { Chile: 1, Niger: 1, Nigeria: 1 } }))).toBe(0);
    expect(keywordCountingError(viewOf({ ...part, current: { Peru: 1, Chile: 1, Niger: 1, Nigeria: 1 } }))).toBe(1);
  });

  it('matches whole names only', () => {
    expect(countMentions(text, 'Niger')).toBe(1);
  });

  it('scores an unparseable answer 300', () => {
    expect(keywordCountingError(viewOf({ ...base, current: {} }, { parseError: { message: 'no JSON', raw: '' } }))).toBe(300);
    expect(keywordCountingError(viewOf({ ...base, current: 'Peru: 2' }))).toBe(300);
  });

  it('is solved only when the whole text is counted exactly', () => {
    expect(keywordCountingSolved(viewOf({ ...base, current: { Peru: 2, Chile: 2, Niger: 1, Nigeria: 1 } }))).toBe(true);
    expect(keywordCountingSolved(viewOf({ ...base, current: { Peru: 2, Chile: 2 } }))).toBe(false);
  });
});

describe('merging tallies', () => {
  const inputs = [viewOf({ ...base, [PASSAGE_KEY]: 'a', current: { Peru: 1 } }), viewOf({ ...base, [PASSAGE_KEY]: 'b', current: { Peru: 1, Chile: 2 } })];

  it('records the input tallies and joins their passages', () => {
    const r = parseMergedTally('Output: {"Peru": 2, "Chile": 2}', { state: base, inputs });
    expect(r).toEqual({ ok: true, updates: [{ current: { Peru: 2, Chile: 2 }, [ADDENDS_KEY]: [{ Peru: 1 }, { Peru: 1, Chile: 2 }], [PASSAGE_KEY]: 'a b' }] });
  });

  it('fails on an answer without a tally', () => {
    expect(parseMergedTally('I added them up.', { state: base, inputs }).ok).toBe(false);
  });

  it('checks that every merged count is the sum of its addends', () => {
    const addends: Array<Record<string, number>> = [{ Peru: 1 }, { Peru: 1, Chile: 2 }];
    expect(tallySumsMatch(viewOf({ [ADDENDS_KEY]: addends, current: { Peru: 2, Chile: 2 } }))).toBe(true);
    expect(tallySumsMatch(viewOf({ [ADDENDS_KEY]: addends, current: { Peru: 2, Chile: 3 } }))).toBe(false);
    expect(tallySumsMatch(viewOf({ [ADDENDS_KEY]: addends, current: { Peru: 2 } }))).toBe(false);
  });
});
