import { describe, expect, it } from 'vitest';
import { edgeEnds, edgePaths } from './edgePaths';
import { laneLayout, stackId, type LaneItem } from './laneLayout';

const item = (id: string, opId: string | null, parents: string[], pruned = false): LaneItem => ({ id, opId, parents, pruned });
const items: LaneItem[] = [
  item('in', null, []),
  item('a1', 'solve', ['in']),
  item('a2', 'solve', ['in'], true),
  item('a3', 'solve', ['in'], true),
  item('m', 'merge', ['a1', 'a1']),
];

describe('the GRS edges as a few SVG paths', () => {
  it('draws each parent-to-card edge once, and a folded thought’s edges to its lane’s stack', () => {
    const layout = laneLayout(items, ['solve', 'merge'], new Set());
    const ends = edgeEnds(items, layout);
    expect(ends.map((e) => `${e.from}>${e.to}`)).toEqual(['in>a1', `in>${stackId('solve')}`, 'a1>m']);
    expect(ends.filter((e) => e.toStack)).toHaveLength(1);
  });

  it('groups the edges by style and target column into paths, one curve per edge, from a card’s right side to the next card’s left side', () => {
    const layout = laneLayout(items, ['solve', 'merge'], new Set());
    const paths = edgePaths(edgeEnds(items, layout), layout, (e) => (e.toStack ? 'to-stack' : 'plain'));
    expect(paths.map((p) => p.style).sort()).toEqual(['plain', 'plain', 'to-stack']);
    const curves = paths.reduce((n, p) => n + (p.d.match(/M/g) ?? []).length, 0);
    expect(curves).toBe(3);
    const toMerge = paths.find((p) => p.style === 'plain' && p.d.endsWith(`${layout.cards.get('m')!.x} ${layout.cards.get('m')!.y + 64}`));
    expect(toMerge?.d.startsWith(`M${layout.cards.get('a1')!.x + 240} `)).toBe(true);
  });
});
