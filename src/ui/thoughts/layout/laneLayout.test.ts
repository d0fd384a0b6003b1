import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, INPUT_LANE, keptIds, laneLayout, STACK_HEIGHT, type LaneItem, type LaneLayout } from './laneLayout';

const item = (id: string, opId: string | null, parents: string[], pruned = false): LaneItem => ({ id, opId, parents, pruned });

// input → split (2 parts) → solve-1, solve-2 (3 tries each, 2 pruned) → merge (2 tries, 1 pruned) → refine (made from the pruned merge).
const items: LaneItem[] = [
  item('in', null, []),
  item('p1', 'split', ['in']),
  item('p2', 'split', ['in']),
  item('a1', 'solve-1', ['p1']),
  item('a2', 'solve-1', ['p1'], true),
  item('a3', 'solve-1', ['p1'], true),
  item('b1', 'solve-2', ['p2'], true),
  item('b2', 'solve-2', ['p2']),
  item('b3', 'solve-2', ['p2'], true),
  item('m1', 'merge', ['a1', 'b2'], true),
  item('m2', 'merge', ['a1', 'b2'], true),
  item('r1', 'refine', ['m1']),
];
const order = ['split', 'solve-1', 'solve-2', 'merge', 'refine'];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every card and stack drawn, as boxes. */
function boxes(layout: LaneLayout): Array<Box & { id: string }> {
  const out = [...layout.cards].map(([id, p]) => ({ id, ...p, width: CARD_WIDTH, height: CARD_HEIGHT }));
  for (const lane of layout.lanes) if (lane.stack) out.push({ id: `stack:${lane.opId}`, ...lane.stack, width: CARD_WIDTH, height: STACK_HEIGHT });
  return out;
}

describe('the GRS laid out by operation', () => {
  it('puts each operation in its own lane, in columns by the operations that lead to it and run order within a column', () => {
    const layout = laneLayout(items, order, new Set());
    const lane = (id: string) => layout.lanes.find((l) => l.opId === id)!;
    expect(layout.lanes.map((l) => [l.opId, l.column])).toEqual([
      [INPUT_LANE, 0],
      ['split', 1],
      ['solve-1', 2],
      ['solve-2', 2],
      ['merge', 3],
      ['refine', 4],
    ]);
    expect(lane('solve-2').y).toBeGreaterThan(lane('solve-1').y + lane('solve-1').height);
    expect(layout.cards.get('p1')!.x).toBe(layout.cards.get('p2')!.x);
    expect(layout.cards.get('p2')!.y).toBeGreaterThan(layout.cards.get('p1')!.y);
  });

  it('places every card inside its lane box, below the header', () => {
    const layout = laneLayout(items, order, 'all');
    for (const lane of layout.lanes) {
      for (const it of items.filter((i) => (i.opId ?? INPUT_LANE) === lane.opId)) {
        const p = layout.cards.get(it.id)!;
        expect(p.x).toBeGreaterThanOrEqual(lane.x);
        expect(p.x + CARD_WIDTH).toBeLessThanOrEqual(lane.x + lane.width);
        expect(p.y).toBeGreaterThan(lane.y);
        expect(p.y + CARD_HEIGHT).toBeLessThanOrEqual(lane.y + lane.height);
      }
    }
  });

  it('folds the pruned thoughts that lead nowhere into one stack per lane, and keeps a pruned merge that a kept refinement came from', () => {
    const layout = laneLayout(items, order, new Set());
    expect([...layout.folded.keys()].sort()).toEqual(['a2', 'a3', 'b1', 'b3', 'm2']);
    expect(layout.cards.has('m1')).toBe(true);
    const solve1 = layout.lanes.find((l) => l.opId === 'solve-1')!;
    expect(solve1).toMatchObject({ folded: 2, open: false });
    expect(solve1.stack!.y).toBeGreaterThan(layout.cards.get('a1')!.y);
    expect(layout.lanes.find((l) => l.opId === 'refine')!.stack).toBeNull();
  });

  it('opens one lane’s stack below it without moving the lanes of other columns', () => {
    const closed = laneLayout(items, order, new Set());
    const opened = laneLayout(items, order, new Set(['solve-1']));
    expect(opened.cards.has('a2')).toBe(true);
    expect(opened.cards.has('b1')).toBe(false);
    expect(opened.cards.get('a2')!.y).toBeGreaterThan(opened.lanes.find((l) => l.opId === 'solve-1')!.stack!.y);
    expect(opened.cards.get('m1')).toEqual(closed.cards.get('m1'));
  });

  it('never overlaps two cards, stacks or lanes, folded or shown', () => {
    for (const open of [new Set<string>(), 'all' as const]) {
      const layout = laneLayout(items, order, open);
      const all = boxes(layout);
      for (let i = 0; i < all.length; i += 1)
        for (let j = i + 1; j < all.length; j += 1) expect(overlaps(all[i]!, all[j]!), `${all[i]!.id} / ${all[j]!.id}`).toBe(false);
      for (let i = 0; i < layout.lanes.length; i += 1)
        for (let j = i + 1; j < layout.lanes.length; j += 1) expect(overlaps(layout.lanes[i]!, layout.lanes[j]!)).toBe(false);
    }
  });

  it('draws a streaming call after its lane’s thoughts and keeps the thoughts above it in place', () => {
    const before = laneLayout(items.slice(0, 4), order, new Set());
    const after = laneLayout([...items.slice(0, 4), { ...item('call:7', 'solve-1', ['p1']), transient: true }], order, new Set());
    expect(after.cards.get('a1')).toEqual(before.cards.get('a1'));
    expect(after.cards.get('call:7')!.y).toBeGreaterThan(after.cards.get('a1')!.y);
  });

  it('keeps the ancestors of every kept thought', () => {
    expect([...keptIds(items)].sort()).toEqual(['a1', 'b2', 'in', 'm1', 'p1', 'p2', 'r1']);
  });
});
