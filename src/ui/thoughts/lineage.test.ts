import { describe, expect, it } from 'vitest';
import type { ThoughtId } from '../../engine/index';
import { ancestorsOf, longestPathTo, type LineageThought } from './lineage';
import { quickLayout } from './layout/quickLayout';

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

  it('lays thoughts out in columns by latency without overlaps', () => {
    const pos = quickLayout([...graph.values()].map((x) => ({ ...x, opIndex: 0 })));
    expect(pos.get('a')?.x).toBe(pos.get('b')?.x);
    expect(pos.get('a')?.y).not.toBe(pos.get('b')?.y);
    expect(pos.get('d')!.x).toBeGreaterThan(pos.get('c')!.x);
  });
});

describe('live placement', () => {
  it('keeps every placed thought where it is as new ones stream in', async () => {
    const { StablePlacer } = await import('./layout/quickLayout');
    const placer = new StablePlacer();
    const a = { id: 'a', parents: ['input'], latency: 1, opIndex: 0 };
    const b = { id: 'b', parents: ['input'], latency: 1, opIndex: 0 };
    const first = placer.place([a], () => false);
    const second = placer.place([b, a, { id: 'call:x', parents: ['a'], latency: 2, opIndex: 1 }], (id) => id.startsWith('call:'));
    expect(second.get('a')).toEqual(first.get('a'));
    expect(second.get('b')!.y).toBeGreaterThan(second.get('a')!.y);
    expect(second.get('call:x')!.x).toBeGreaterThan(second.get('a')!.x);
  });
});
