import { describe, expect, it } from 'vitest';
import { incrementalLaneLayout } from './incrementalLaneLayout';
import { laneLayout, type LaneItem } from './laneLayout';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ops = ['split', 'solve-1', 'solve-2', 'solve-3', 'merge-1', 'merge-2', 'refine'];
/** Which operations feed each one (a GoT sorting graph's shape: a split, parallel solves, merges, a refinement). */
const inputsOf: Record<string, string[]> = {
  split: ['__in'],
  'solve-1': ['split'],
  'solve-2': ['split'],
  'solve-3': ['split'],
  'merge-1': ['solve-1', 'solve-2'],
  'merge-2': ['merge-1', 'solve-3'],
  refine: ['merge-2'],
};

/**
 * The item lists a live run shows, one per update: per operation, calls appear, turn into thoughts a few
 * at a time, and sometimes a filter prunes some earlier ones; as useGrsElements builds them (thoughts in
 * creation order, then the calls still streaming).
 */
function liveUpdates(seed: number): LaneItem[][] {
  const rnd = prng(seed);
  const thoughts: LaneItem[] = [{ id: 'in', opId: null, parents: [], pruned: false }];
  const byOp = new Map<string, LaneItem[]>([['__in', [thoughts[0]!]]]);
  const updates: LaneItem[][] = [];
  let n = 0;
  for (const op of ops) {
    const sources = inputsOf[op]!.flatMap((o) => (byOp.get(o) ?? []).filter((t) => !t.pruned));
    let pendingCalls = 1 + Math.floor(rnd() * 6);
    const calls: LaneItem[] = [];
    while (pendingCalls > 0 || calls.length) {
      // New calls start, some finish into thoughts (with their parents), others stay streaming.
      if (pendingCalls > 0 && rnd() < 0.6) {
        const parents = [sources[Math.floor(rnd() * sources.length)]!.id];
        if (rnd() < 0.3 && sources.length > 1) parents.push(sources[Math.floor(rnd() * sources.length)]!.id);
        calls.push({ id: `call:${n++}`, opId: op, parents: [...new Set(parents)], pruned: false, transient: true });
        pendingCalls -= 1;
      }
      if (calls.length && rnd() < 0.5) {
        const call = calls.shift()!;
        for (let k = 0; k < 1 + Math.floor(rnd() * 3); k += 1) {
          const t: LaneItem = { id: `t${n++}`, opId: op, parents: call.parents, pruned: false };
          thoughts.push(t);
          byOp.set(op, [...(byOp.get(op) ?? []), t]);
        }
      }
      // A filter drops some thoughts of an earlier operation now and then (a new item object, as the store makes).
      if (rnd() < 0.05 && thoughts.length > 1) {
        const i = 1 + Math.floor(rnd() * (thoughts.length - 1));
        const t = thoughts[i]!;
        if (!t.pruned) {
          const pruned = { ...t, pruned: true };
          thoughts[i] = pruned;
          byOp.set(t.opId!, byOp.get(t.opId!)!.map((x) => (x === t ? pruned : x)));
        }
      }
      updates.push([...thoughts.map((t) => ({ ...t })), ...calls.map((c) => ({ ...c }))]);
    }
  }
  return updates;
}

describe('the incremental lane layout of a live run', () => {
  it('gives exactly the full layout after every update of many simulated runs, with stacks closed, one open or all open', () => {
    for (let seed = 1; seed <= 15; seed += 1) {
      const updates = liveUpdates(seed);
      for (const open of [new Set<string>(), new Set(['solve-2']), 'all' as const]) {
        const layout = incrementalLaneLayout();
        for (const items of updates) expect(layout(items, ops, open)).toEqual(laneLayout(items, ops, open));
      }
    }
  });

  it('extends the last layout instead of placing every lane again when thoughts are added to a lane', () => {
    const layout = incrementalLaneLayout();
    const base: LaneItem[] = [
      { id: 'in', opId: null, parents: [], pruned: false },
      { id: 'a', opId: 'solve-1', parents: ['in'], pruned: false },
      { id: 'b', opId: 'solve-2', parents: ['in'], pruned: false },
      { id: 'm', opId: 'merge-1', parents: ['a', 'b'], pruned: false },
    ];
    const closed = new Set<string>();
    const first = layout(base, ops, closed);
    expect(layout(base.map((i) => ({ ...i })), ops, closed)).toBe(first);
    const next = layout([...base, { id: 'a2', opId: 'solve-1', parents: ['in'], pruned: false }], ops, closed);
    const lane = (l: typeof first, id: string) => l.lanes.find((x) => x.opId === id);
    // Lanes of other columns keep their boxes; the grown lane and the lane below it in its column move.
    expect(lane(next, '__input')).toBe(lane(first, '__input'));
    expect(lane(next, 'merge-1')).toBe(lane(first, 'merge-1'));
    expect(lane(next, 'solve-1')!.height).toBeGreaterThan(lane(first, 'solve-1')!.height);
    expect(lane(next, 'solve-2')!.y).toBeGreaterThan(lane(first, 'solve-2')!.y);
  });
});
