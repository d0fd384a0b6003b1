import { describe, expect, it } from 'vitest';
import type { ThoughtId } from '../../engine/index';
import { ancestorsOf, longestPathTo, type LineageThought } from './lineage';

const t = (id: string, parents: string[], latency: number): LineageThought => ({
  id: id as ThoughtId,
  parents: parents as ThoughtId[],
  latency,
});
// input → a, b; a → c; (b, c) → d: d's volume is {a, b, c}, its latency path input → a → c → d.
const graph = new Map(
  [t('input', [], 0), t('a', ['input'], 1), t('b', ['input'], 1), t('c', ['a'], 2), t('d', ['b', 'c'], 3)].map((x) => [x.id as string, x]),
);
const get = (id: ThoughtId) => graph.get(id);

describe('GRS lineage', () => {
  it('finds every ancestor of a thought (its volume plus the input)', () => {
    expect([...ancestorsOf('d' as ThoughtId, get)].sort()).toEqual(['a', 'b', 'c', 'input']);
  });

  it('follows the longest path from the input (its latency)', () => {
    expect(longestPathTo('d' as ThoughtId, get)).toEqual(['input', 'a', 'c', 'd']);
  });
});

