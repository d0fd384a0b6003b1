import { describe, expect, it } from 'vitest';
import type { GotDocument } from '../../engine/index';
import { higherIsBetterOf } from './opOrder';

const doc = (task: string | undefined, operations: GotDocument['operations']): GotDocument => ({
  format: 'got-studio',
  version: 2,
  title: 't',
  description: '',
  ...(task ? { task } : {}),
  input: {},
  operations,
  comments: [],
});
const gen = { id: 'g', type: 'generate' as const, inputs: [], params: {} };

describe('higherIsBetterOf', () => {
  it('follows the task when no Keep Best N says otherwise (sorting errors: lower is better)', () => {
    expect(higherIsBetterOf(doc('sorting', [gen]))).toBe(false);
    expect(higherIsBetterOf(doc('docMerge', [gen]))).toBe(true);
    expect(higherIsBetterOf(doc(undefined, [gen]))).toBe(true);
  });

  it('follows the last Keep Best N in run order over the task', () => {
    const keepLower = { id: 'k1', type: 'keepBestN' as const, inputs: ['g'], params: { n: 1, higherIsBetter: false } };
    const keepHigher = { id: 'k2', type: 'keepBestN' as const, inputs: ['k1'], params: { n: 1 } };
    // Listed out of run order: k2 runs last, and its default (higher is better) wins.
    expect(higherIsBetterOf(doc('sorting', [keepHigher, gen, keepLower]))).toBe(true);
    expect(higherIsBetterOf(doc('docMerge', [gen, keepLower]))).toBe(false);
  });
});
