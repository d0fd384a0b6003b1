import { describe, expect, it } from 'vitest';
import { docMergeScore, harmonicMean, readDocScores } from './scoring';

describe('document merging score', () => {
  it('reads both ratings from their tags', () => {
    expect(readDocScores('Fine.\n<Redundancy>7</Redundancy>\n<Retained> 9 </Retained>')).toEqual({ redundancy: 7, retained: 9 });
    expect(readDocScores('<Redundancy>7</Redundancy> only')).toBeNull();
  });

  it('averages each rating over the samples, then takes their harmonic mean', () => {
    const texts = ['<Redundancy>6</Redundancy><Retained>10</Retained>', '<Redundancy>10</Redundancy><Retained>8</Retained>', '<Redundancy>8</Redundancy><Retained>6</Retained>'];
    expect(docMergeScore(texts)).toBeCloseTo(8, 10);
    expect(harmonicMean(4, 8)).toBeCloseTo(16 / 3, 10);
  });

  it('ignores samples that gave no ratings, and fails when none did', () => {
    expect(docMergeScore(['no idea', '<Redundancy>4</Redundancy><Retained>8</Retained>'])).toBeCloseTo(16 / 3, 10);
    expect(() => docMergeScore(['no idea'])).toThrow(/Redundancy/);
  });
});
