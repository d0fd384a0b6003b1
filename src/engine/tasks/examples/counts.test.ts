import { describe, expect, it } from 'vitest';
import { estimateRun } from '../../estimate/estimateRun';
import { exampleSpecs } from './index';
import { inputOf, runExample, specOf } from './testing';

/**
 * Requests / completions per sample with the cache off, as the reference framework's example
 * scripts send them (got-semantics.md). Improvements that Validate & Improve makes when the model's
 * merged tally is wrong come on top (1 / 1 each) and are counted separately.
 */
const COUNTS: Record<string, [requests: number, completions: number]> = {
  'sorting-032-io': [1, 1], 'sorting-064-io': [1, 1], 'sorting-128-io': [1, 1],
  'sorting-032-cot': [1, 1], 'sorting-064-cot': [1, 1], 'sorting-128-cot': [1, 1],
  'sorting-032-tot': [2, 40], 'sorting-064-tot': [4, 80], 'sorting-128-tot': [4, 80],
  'sorting-032-tot2': [3, 30], 'sorting-064-tot2': [7, 70], 'sorting-128-tot2': [10, 100],
  'sorting-032-got': [5, 31], 'sorting-064-got': [11, 71], 'sorting-128-got': [23, 151],
  'set-intersection-032-io': [1, 1], 'set-intersection-064-io': [1, 1], 'set-intersection-128-io': [1, 1],
  'set-intersection-032-cot': [1, 1], 'set-intersection-064-cot': [1, 1], 'set-intersection-128-cot': [1, 1],
  'set-intersection-032-tot': [2, 40], 'set-intersection-064-tot': [4, 80], 'set-intersection-128-tot': [4, 100],
  'set-intersection-032-tot2': [3, 30], 'set-intersection-064-tot2': [7, 70], 'set-intersection-128-tot2': [9, 90],
  'set-intersection-032-got': [4, 21], 'set-intersection-064-got': [8, 51], 'set-intersection-128-got': [16, 76],
  'keyword-counting-io': [1, 1], 'keyword-counting-cot': [1, 1],
  'keyword-counting-tot': [4, 80], 'keyword-counting-tot2': [6, 60],
  'keyword-counting-got4': [8, 50], 'keyword-counting-got8': [16, 102],
  'doc-merge-io': [2, 4], 'doc-merge-cot': [2, 4], 'doc-merge-tot': [33, 120], 'doc-merge-got': [23, 80],
};

describe('every gallery example sends the reference’s requests and completions, cache off', () => {
  it('has expected counts for every example of the gallery', () => {
    expect(Object.keys(COUNTS).sort()).toEqual(exampleSpecs.map((s) => s.id).sort());
  });

  it.each(Object.entries(COUNTS))('%s sends %j (requests, completions) plus 1 / 1 per improvement', async (id, [requests, completions]) => {
    const { summary, events } = await runExample(specOf(id), 1);
    const improvements = events.filter((e) => e.type === 'call.start' && e.purpose === 'improve').length;
    expect(summary.status).toBe('completed');
    expect(summary.cacheHits).toBe(0);
    // Only a validator's verdict on the model's answer decides improvements: keyword counting's GoT merges.
    if (!id.startsWith('keyword-counting-got')) expect(improvements).toBe(0);
    expect([summary.requests - improvements, summary.completions - improvements]).toEqual([requests, completions]);
  });

  it.each(Object.entries(COUNTS))('%s is estimated at %j before a run, improvements as the range above it', (id, [requests, completions]) => {
    const s = specOf(id);
    const e = estimateRun(s.build(inputOf(s, 0))).totals;
    expect([e.requests.min, e.completions.min]).toEqual([requests, completions]);
  });

});
