import { describe, expect, it } from 'vitest';
import { compareSchemes, type SampleOutcome } from '../../engine/index';
import { formatComparison } from './formatComparison';

const outcome = (score: number | null, solved: boolean | null, extra: Partial<SampleOutcome> = {}): SampleOutcome => ({
  sampleIndex: 0, status: 'completed', score, solved, requests: 1, completions: 2, cacheHits: 0, promptTokens: 10, completionTokens: 20, cost: 0.01, wallMs: 5, ...extra,
});

describe('formatComparison', () => {
  it('formats the comparison as a table, CSV and JSON', () => {
    const rows = compareSchemes([{ scheme: 'IO', file: 'io.got.json', outcomes: [outcome(10, false), outcome(20, false)] }]);
    expect(formatComparison(rows, 'table')).toMatch(/IO\s+2\s+15/);
    const csv = formatComparison(rows, 'csv').split('\n');
    expect(csv[0]).toMatch(/^scheme,file,samples/);
    expect(csv[1]).toMatch(/^IO,io\.got\.json,2,2,0,10,12\.5,15,17\.5,20,15,0,0,/);
    expect(JSON.parse(formatComparison(rows, 'json')).schemes[0].score.median).toBe(15);
  });
});
