import { describe, expect, test } from 'vitest';
import { SharedBudget } from './sharedBudget';

describe('SharedBudget', () => {
  test('leaves the unused part of a batch budget for the next sample', () => {
    const shared = new SharedBudget({ requests: 10, cost: 1 });
    Object.assign(shared.used, { requests: 4, tokens: 900, cost: 1.5 });
    expect(shared.remaining()).toEqual({ requests: 6, cost: 0 });
    expect(shared.exhausted()).toBe('cost');
  });
});
