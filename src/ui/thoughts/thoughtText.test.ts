import { describe, expect, it } from 'vitest';
import { tokens } from './thoughtText';

describe('token counts', () => {
  it('shows a thought’s fractional share of a call as whole tokens', () => {
    expect(tokens(20.9)).toBe('21');
    expect(tokens(1234.4)).toBe('1,234');
  });
});
