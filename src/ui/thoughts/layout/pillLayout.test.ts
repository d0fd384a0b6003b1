import { describe, expect, it } from 'vitest';
import { INPUT_LANE, laneLayout, type LaneItem } from './laneLayout';
import { isWhole, type HeaderText, type OpName } from './farHeaders';
import { blockAt, FAR_SCALE, foldToFit, LANE_SUMMARY_MIN, PILL_HEIGHT, pillLayout, STACK_SHADOW, type FarBlock, type PillLayout } from './pillLayout';

const item = (id: string, opId: string | null, parents: string[], pruned = false): LaneItem => ({ id, opId, parents, pruned });

// input → split (2 parts) → solve-1, solve-2 (3 tries each, 2 pruned) → merge (2 tries, both pruned) → refine (made from one pruned merge).
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
  item('k1', 'keep', ['r1'], true),
];
const order = ['split', 'solve-1', 'solve-2', 'merge', 'refine', 'keep'];

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
/** Blocks that stand on their own (a stack's shadow sits behind its lane's last block by design). */
const solid = (l: PillLayout) => l.blocks.filter((b) => !(b.kind === 'stack' && b.shadow));

/** A lane of `n` kept thoughts after the input. */
const wideLane = (n: number): LaneItem[] => [item('in', null, []), ...Array.from({ length: n }, (_, i) => item(`g${i}`, 'gen', ['in']))];

describe('the far level’s pill layout', () => {
  it('keeps laneLayout’s lanes, columns and order within a column', () => {
    for (const open of [new Set<string>(), 'all' as const]) {
      const cards = laneLayout(items, order, open);
      const pills = pillLayout(items, order, open);
      expect(pills.lanes.map((l) => [l.opId, l.column])).toEqual(cards.lanes.map((l) => [l.opId, l.column]));
      expect(pills.lanes[0]!.opId).toBe(INPUT_LANE);
      for (let i = 1; i < pills.lanes.length; i += 1) {
        const [a, b] = [pills.lanes[i - 1]!, pills.lanes[i]!];
        if (a.column === b.column) expect(b.y).toBeGreaterThan(a.y + a.height);
        else expect(b.x).toBeGreaterThan(a.x + a.width);
      }
    }
  });

  it('draws every kept thought as its own pill inside its lane, and no two blocks or lanes overlap', () => {
    for (const open of [new Set<string>(), new Set(['solve-1']), 'all' as const]) {
      const layout = pillLayout(items, order, open);
      const shown = laneLayout(items, order, open).cards;
      expect([...layout.at.keys()].sort()).toEqual([...shown.keys()].sort());
      const blocks = solid(layout);
      for (let i = 0; i < blocks.length; i += 1) for (let j = i + 1; j < blocks.length; j += 1) expect(overlaps(blocks[i]!, blocks[j]!), `${blocks[i]!.id} / ${blocks[j]!.id}`).toBe(false);
      for (let i = 0; i < layout.lanes.length; i += 1) for (let j = i + 1; j < layout.lanes.length; j += 1) expect(overlaps(layout.lanes[i]!, layout.lanes[j]!)).toBe(false);
      for (const b of layout.blocks) expect(inside(b, layout.lanes.find((l) => l.opId === b.lane)!), b.id).toBe(true);
    }
  });

  it('folds a lane’s pruned thoughts into a shadow behind its last pill, or a "+n" block when the lane kept nothing', () => {
    const layout = pillLayout(items, order, new Set());
    const stacks = layout.blocks.filter((b): b is Extract<FarBlock, { kind: 'stack' }> => b.kind === 'stack');
    const solve1 = stacks.find((s) => s.lane === 'solve-1')!;
    expect(solve1).toMatchObject({ count: 2, shadow: true });
    const a1 = layout.at.get('a1')!;
    expect([solve1.x - a1.x, solve1.y - a1.y]).toEqual([STACK_SHADOW, STACK_SHADOW]);
    // Drawn first, so the pill covers it.
    expect(layout.blocks.indexOf(solve1)).toBeLessThan(layout.blocks.indexOf(a1));
    expect(stacks.find((s) => s.lane === 'keep')).toMatchObject({ count: 1, shadow: false, height: PILL_HEIGHT });
    expect(pillLayout(items, order, new Set(['solve-1'])).blocks.some((b) => b.kind === 'stack' && b.lane === 'solve-1')).toBe(false);
  });

  it('draws a lane of LANE_SUMMARY_MIN thoughts or more as one summary block that stands for all of them', () => {
    const few = pillLayout(wideLane(LANE_SUMMARY_MIN - 1), ['gen'], new Set());
    expect(few.blocks.filter((b) => b.kind === 'thought')).toHaveLength(LANE_SUMMARY_MIN);
    const many = pillLayout(wideLane(200), ['gen'], new Set());
    const summary = many.blocks.find((b) => b.kind === 'summary')!;
    expect(summary.kind === 'summary' && summary.members).toHaveLength(200);
    expect(many.at.get('g0')).toBe(summary);
    expect(many.at.get('g199')).toBe(summary);
    expect(many.height).toBeLessThan(few.height);
  });

  it('finds the block under a point given in the canvas’s coordinates', () => {
    const layout = pillLayout(items, order, new Set());
    const a1 = layout.at.get('a1')!;
    expect(blockAt(layout, { x: (a1.x + 5) * FAR_SCALE, y: (a1.y + 5) * FAR_SCALE })?.id).toBe('a1');
    const keep = layout.blocks.find((b) => b.lane === 'keep')!;
    expect(blockAt(layout, { x: (keep.x + 5) * FAR_SCALE, y: (keep.y + 5) * FAR_SCALE })).toMatchObject({ kind: 'stack', lane: 'keep' });
    expect(blockAt(layout, { x: -10, y: -10 })).toBeNull();
  });

  it('folds a column into one lane whose summary stands for every thought of its lanes, and keeps the other columns as they were', () => {
    const whole = pillLayout(items, order, new Set());
    const folded = pillLayout(items, order, new Set(), new Set([2]));
    const group = folded.at.get('a1')!;
    expect(group).toMatchObject({ kind: 'summary', lane: 'column:2' });
    expect(folded.at.get('b2')).toBe(group);
    expect(folded.lanes.filter((l) => l.column === 2).map((l) => l.opId)).toEqual(['column:2']);
    // Both lanes' stacks fold into one shadow behind the summary.
    expect(folded.blocks.find((b) => b.kind === 'stack' && b.lane === 'column:2')).toMatchObject({ count: 4, shadow: true });
    for (const id of ['in', 'p1', 'p2', 'r1']) expect(folded.at.get(id)).toEqual(whole.at.get(id));
  });

  it('folds the tallest columns first, only as many as a short room needs, and none when the graph fits', () => {
    // Three solve lanes of one kept thought each stand in column 2: the tallest.
    const tall = [...items, item('c1', 'solve-3', ['p2']), item('c2', 'solve-3', ['p2'], true)];
    const ops = [...order, 'solve-3'];
    const full = pillLayout(tall, ops, new Set());
    expect(foldToFit(tall, ops, new Set(), { width: 1000, height: full.height }).fold.size).toBe(0);
    const short = foldToFit(tall, ops, new Set(), { width: 1000, height: full.height - 10 });
    expect([...short.fold]).toEqual([2]);
    expect(short.layout.height).toBeLessThanOrEqual(full.height - 10);
    // Too narrow: folding cannot help, so nothing is folded.
    expect(foldToFit(tall, ops, new Set(), { width: 50, height: 10 }).fold.size).toBe(0);
  });
});

describe('the far level’s operation headers', () => {
  // Labels as a GoT graph names its parts; widths a little wider than a 10 px sans-serif draws them.
  const labels: Record<string, OpName> = {
    [INPUT_LANE]: { label: 'Input', type: '' },
    split: { label: 'Split into 2 lists', type: 'Generate' },
    'solve-1': { label: 'Solve List 1 (3 tries)', type: 'Generate' },
    'solve-2': { label: 'Solve List 2 (3 tries)', type: 'Generate' },
    'solve-3': { label: 'Check List 3', type: 'Validate & Improve' },
    merge: { label: 'Merge the lists', type: 'Aggregate' },
    refine: { label: 'Refine the merge', type: 'Generate' },
    keep: { label: 'Keep the best', type: 'Keep Best N' },
  };
  const text: HeaderText = { name: (op) => labels[op] ?? { label: op, type: '' }, measure: (s) => s.length * 6.5 };
  const withThird = [...items, item('c1', 'solve-3', ['p2']), item('c2', 'solve-3', ['p2'], true)];
  const ops = [...order, 'solve-3'];
  const rooms = [undefined, { width: 2000, height: 400 }, { width: 400, height: 200 }, { width: 300, height: 120 }];

  it('names every lane’s operation in exactly one header above its column, and reserves the band above the graph', () => {
    for (const room of rooms) {
      for (const fold of [new Set<number>(), new Set([2])]) {
        const layout = pillLayout(withThird, ops, new Set(), fold, { text, room });
        expect(layout.band).toBeGreaterThan(0);
        const whole = pillLayout(withThird, ops, new Set());
        for (const op of [INPUT_LANE, ...ops]) {
          const col = whole.lanes.find((l) => l.opId === op)!.column;
          const lane = layout.lanes.find((l) => l.opId === op || l.opId === `column:${col}`)!;
          const naming = layout.headers.filter((h) => h.entries.some((e) => e.ops.includes(op)));
          expect(naming, `${op} named once`).toHaveLength(1);
          expect(naming[0]!.column, op).toBe(lane.column);
          expect(naming[0]!.tick, op).toBe(lane.x);
          // The band runs from -band to the graph's top at 0.
          expect(naming[0]!.y).toBeGreaterThanOrEqual(-layout.band);
          expect(naming[0]!.y + naming[0]!.height).toBeLessThanOrEqual(0);
          expect(lane.y).toBeGreaterThanOrEqual(0);
        }
        expect(layout.headers.every((h) => h.x >= 0 && h.x + h.width <= layout.width + 1e-9)).toBe(true);
      }
    }
  });

  it('names a run of alike lanes once with a range, tags each lane with its part, and letters the entries of a mixed column', () => {
    const layout = pillLayout(items, order, new Set(), new Set(), { text });
    const col2 = layout.headers.find((h) => h.column === 2)!;
    expect(col2.entries.map((e) => e.full)).toEqual(['Solve List 1–2 (3 tries) · Generate']);
    expect(layout.tags.map((t) => [t.lane, t.text])).toEqual([
      ['solve-1', '1'],
      ['solve-2', '2'],
    ]);
    const mixed = pillLayout(withThird, ops, new Set(), new Set(), { text });
    expect(mixed.headers.find((h) => h.column === 2)!.entries.map((e) => e.full)).toEqual(['A Solve List 1–2 (3 tries) · Generate', 'B Check List 3 · Validate & Improve']);
    expect(mixed.tags.map((t) => t.text)).toEqual(['A1', 'A2', 'B']);
    // Folded, the column is one lane: its header names every operation in it, and no lane needs a tag.
    const folded = pillLayout(withThird, ops, new Set(), new Set([2]), { text });
    expect(folded.headers.find((h) => h.column === 2)!.entries).toHaveLength(2);
    expect(folded.tags).toHaveLength(0);
  });

  it('never lets a header overlap another header, a block or a tag, nor a tag a block, nor a header cover another column’s tick', () => {
    for (const room of rooms) {
      for (const fold of [new Set<number>(), new Set([2]), new Set([1, 2])]) {
        const layout = pillLayout(withThird, ops, new Set(), fold, { text, room });
        const boxes: Array<Box & { id: string }> = [
          ...layout.headers.map((h) => ({ id: `header ${h.column}`, x: h.x, y: h.y, width: h.width, height: h.height })),
          ...layout.tags.map((t) => ({ id: `tag ${t.lane}`, ...t })),
          ...solid(layout).map((b) => ({ id: b.id, x: b.x, y: b.y, width: b.width, height: b.height })),
        ];
        for (let i = 0; i < boxes.length; i += 1) for (let j = i + 1; j < boxes.length; j += 1) expect(overlaps(boxes[i]!, boxes[j]!), `${boxes[i]!.id} / ${boxes[j]!.id}`).toBe(false);
        // A tick runs from its header down to the band's foot: no other header's text crosses it there.
        for (const h of layout.headers)
          for (const o of layout.headers) if (o !== h) expect(overlaps({ x: h.tick, y: h.y + h.height, width: 1, height: -h.y - h.height }, o), `${o.column} over ${h.column}'s tick`).toBe(false);
        // Every shown line is its full text, or that text cut short with "…".
        for (const e of layout.headers.flatMap((h) => h.entries)) expect(isWhole(e) || (e.lines.length === 1 && e.lines[0]!.includes('…') && e.full.startsWith(e.lines[0]!.split('…')[0]!))).toBe(true);
      }
    }
  });

  it('shows every operation’s name in full when the room allows, and folds tall columns sooner than cut names short', () => {
    const wide = foldToFit(withThird, ops, new Set(), { width: 2000, height: 400 }, text);
    expect(wide.layout.headers.flatMap((h) => h.entries).every(isWhole)).toBe(true);
    for (const room of [{ width: 400, height: 200 }, { width: 560, height: 150 }]) {
      const fit = foldToFit(withThird, ops, new Set(), room, text);
      expect(fit.layout.height + fit.layout.band).toBeLessThanOrEqual(room.height);
      expect(fit.layout.width).toBeLessThanOrEqual(room.width);
    }
  });

  it('folds a column for its names only when they show more than the pills it hides are worth', () => {
    // Eight alike parts in one tall column, long names after it: folding the parts frees rows for the names.
    const parts = Array.from({ length: 8 }, (_, i) => item(`s${i}`, 'split', ['in']));
    const tall = [item('in', null, []), ...parts, item('m', 'merge', parts.map((p) => p.id)), item('r', 'refine', ['m'])];
    const room = { width: 400, height: 8 * (PILL_HEIGHT + 2) + 40 };
    const fit = foldToFit(tall, ['split', 'merge', 'refine'], new Set(), room, text);
    expect(fit.layout.height + fit.layout.band).toBeLessThanOrEqual(room.height);
    // A roomy pane keeps every pill.
    expect(foldToFit(tall, ['split', 'merge', 'refine'], new Set(), { width: 400, height: 600 }, text).fold.size).toBe(0);
    // Folding never hides a lone pill for a name: single-pill columns are never folded.
    expect([...fit.fold].every((c) => c === 1)).toBe(true);
  });

  it('puts a folded stack’s "+n" on its lane’s last block, where a click opens the stack', () => {
    const layout = pillLayout(items, order, new Set());
    const stack = layout.blocks.find((b): b is Extract<FarBlock, { kind: 'stack' }> => b.kind === 'stack' && b.lane === 'solve-1')!;
    const a1 = layout.at.get('a1')!;
    expect(stack.badge).not.toBeNull();
    expect(inside(stack.badge!, a1)).toBe(true);
    expect(blockAt(layout, { x: (stack.badge!.x + 2) * FAR_SCALE, y: (stack.badge!.y + 2) * FAR_SCALE })).toBe(stack);
    expect(blockAt(layout, { x: (a1.x + 2) * FAR_SCALE, y: (a1.y + 15) * FAR_SCALE })).toBe(a1);
  });
});

describe('a folded column’s stack', () => {
  it('opens as one: every lane of the column shows its pruned thoughts in the summary', () => {
    const folded = pillLayout(items, order, new Set(), new Set([2]));
    expect(folded.blocks.find((b) => b.kind === 'stack' && b.lane === 'column:2')).toMatchObject({ count: 4 });
    const opened = pillLayout(items, order, new Set(['column:2']), new Set([2]));
    expect(opened.blocks.some((b) => b.kind === 'stack' && b.lane === 'column:2')).toBe(false);
    expect(opened.at.get('a2')).toMatchObject({ kind: 'summary', lane: 'column:2' });
  });
});
