import { describe, expect, it } from 'vitest';
import { count } from './table';

describe('count', () => {
  it('groups thousands with commas as en-US does, rounding first', () => {
    for (const n of [0, 7, 999, 1000, 9129, 64_601, 1_234_567, 12.6, 999.5, -4702, -1_000_000]) {
      expect(count(n)).toBe(Math.round(n).toLocaleString('en-US'));
    }
  });

  it('writes what is not a finite number as it is', () => {
    expect(count(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(count(Number.NaN)).toBe('NaN');
  });
});
