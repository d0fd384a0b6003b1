import { describe, expect, it } from 'vitest';
import { CliError } from '../errors';
import { parseBudget } from './parseBudget';
import { parseSamples } from './parseSamples';

describe('parseSamples', () => {
  it('expands ranges and lists in the order given, without duplicates', () => {
    expect(parseSamples('0-4,7')).toEqual([0, 1, 2, 3, 4, 7]);
    expect(parseSamples('3')).toEqual([3]);
    expect(parseSamples('5-6, 2, 5')).toEqual([5, 6, 2]);
  });

  it('refuses a backwards range and words with a usage error', () => {
    expect(() => parseSamples('9-3')).toThrow(/runs backwards/);
    expect(() => parseSamples('first')).toThrow(CliError);
    expect(() => parseSamples(',')).toThrow(/no rows/);
  });
});

describe('parseBudget', () => {
  it('reads requests, tokens and dollars in any order and exponent notation', () => {
    expect(parseBudget('requests=100,tokens=1e6,dollars=2')).toEqual({ requests: 100, tokens: 1_000_000, cost: 2 });
    expect(parseBudget('dollars=0.5')).toEqual({ cost: 0.5 });
  });

  it('names the part it cannot read', () => {
    expect(() => parseBudget('calls=3')).toThrow(/"calls=3"/);
    expect(() => parseBudget('tokens=lots')).toThrow(/not a non-negative number/);
  });
});
