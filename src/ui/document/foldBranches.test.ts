import { describe, expect, it } from 'vitest';
import { exampleFile, galleryFiles } from './galleryFiles';
import type { GotDocument } from '../../engine/index';
import { createAppStore } from '../store/createAppStore';
import { foldGroups, groupKey, stackLabel } from './foldBranches';

const example = exampleFile;
const gallery = galleryFiles();

/** Per example: how many stacks of each kind and size folding everything makes (examples with no repeats are absent). */
const EXPECTED: Record<string, string> = {
  'sorting-032-got.got.json': '4 parallel ×2',
  'sorting-064-got.got.json': '4 parallel ×4, 6 parallel ×2',
  'sorting-128-got.got.json': '4 parallel ×8, 6 parallel ×4, 6 parallel ×2',
  'set-intersection-032-got.got.json': '4 parallel ×2',
  'set-intersection-064-got.got.json': '4 parallel ×4, 3 parallel ×2',
  'set-intersection-128-got.got.json': '4 parallel ×8, 3 parallel ×4, 3 parallel ×2',
  'keyword-counting-got4.got.json': '4 parallel ×4, 4 parallel ×2',
  'keyword-counting-got8.got.json': '4 parallel ×8, 4 parallel ×4, 4 parallel ×2',
  'sorting-032-tot2.got.json': '3 serial ×2',
  'sorting-064-tot.got.json': '3 serial ×3',
  'sorting-064-tot2.got.json': '3 serial ×6',
  'sorting-128-tot.got.json': '3 serial ×3',
  'sorting-128-tot2.got.json': '3 serial ×9',
  'set-intersection-032-tot2.got.json': '3 serial ×2',
  'set-intersection-064-tot.got.json': '3 serial ×3',
  'set-intersection-064-tot2.got.json': '3 serial ×6',
  'set-intersection-128-tot.got.json': '3 serial ×3',
  'set-intersection-128-tot2.got.json': '3 serial ×8',
  'keyword-counting-tot.got.json': '3 serial ×3',
  'keyword-counting-tot2.got.json': '3 serial ×5',
  'doc-merge-tot.got.json': '3 serial ×2',
};

/** "4 parallel ×8, 6 parallel ×4": runs of groups of the same kind and size, in order. */
function describeGroups(doc: GotDocument): string {
  const runs: Array<{ n: number; what: string }> = [];
  for (const g of foldGroups(doc)) {
    const what = `${g.kind} ×${g.members.length}`;
    const last = runs[runs.length - 1];
    if (last?.what === what) last.n++;
    else runs.push({ n: 1, what });
  }
  return runs.map((r) => `${r.n} ${r.what}`).join(', ');
}

describe('finding repeated branches', () => {
  it('folds every gallery example into the stacks its scheme repeats: GoT parts side by side, ToT rounds one after another', () => {
    for (const file of gallery) expect(describeGroups(example(file)), file).toBe(EXPECTED[file] ?? '');
  });

  it('groups the eight sorting branches step by step, each stack led by its first branch', () => {
    const groups = foldGroups(example('sorting-128-got.got.json'));
    expect(groups[0]).toEqual({ kind: 'parallel', lead: 'select-1', members: ['select-1', 'select-2', 'select-3', 'select-4', 'select-5', 'select-6', 'select-7', 'select-8'] });
    expect(groups.map((g) => g.lead).slice(0, 4)).toEqual(['select-1', 'solve-1', 'score-1', 'keep-best-1']);
  });

  it('never puts an operation in two stacks, nor a member upstream of another member', () => {
    for (const file of gallery) {
      const doc = example(file);
      const groups = foldGroups(doc);
      const all = groups.flatMap((g) => g.members);
      expect(new Set(all).size, file).toBe(all.length);
      const inputs = new Map(doc.operations.map((o) => [o.id, o.inputs]));
      const upstream = (id: string, seen = new Set<string>()): Set<string> => {
        for (const i of inputs.get(id) ?? []) if (!seen.has(i)) upstream(i, seen.add(i));
        return seen;
      };
      for (const g of groups.filter((x) => x.kind === 'parallel')) for (const m of g.members) for (const u of upstream(m)) expect(g.members.includes(u), `${file} ${m} ${u}`).toBe(false);
    }
  });

  it('tells branches apart by type and parameters but not by labels or part numbers', () => {
    const store = createAppStore();
    const s = store.getState;
    const a = s().addOperation('generate', { x: 0, y: 0 });
    const b = s().addOperation('generate', { x: 0, y: 200 });
    s().setLabel(a, 'Solve part 1');
    s().setLabel(b, 'Solve the second part');
    s().setParam(a, 'prompt', 'Solve part 1 of {{input}}');
    s().setParam(b, 'prompt', 'Solve part 2 of {{input}}');
    expect(foldGroups(s().doc).map((g) => g.members)).toEqual([[a, b]]);
    s().setParam(b, 'samples', 7);
    expect(foldGroups(s().doc)).toEqual([]);
  });

  it('gives a group a new identity when a member is added or edited, so a stack never swallows a new operation', () => {
    const doc = example('sorting-032-got.got.json');
    const before = foldGroups(doc).map(groupKey);
    const store = createAppStore({ document: doc });
    store.getState().duplicateItems(['solve-1']);
    const after = foldGroups(store.getState().doc).map(groupKey);
    expect(after).not.toEqual(before);
  });
});

describe('a stack title', () => {
  it('shows the members’ differing part numbers as a range', () => {
    expect(stackLabel(['Pick List 1', 'Pick List 2', 'Pick List 8'])).toBe('Pick List 1–8');
    expect(stackLabel(['Merge pair 1 (level 1, 10 tries)', 'Merge pair 4 (level 1, 10 tries)'])).toBe('Merge pair 1–4 (level 1, 10 tries)');
  });

  it('keeps the first label when the labels differ in words or are all the same', () => {
    expect(stackLabel(['Score the merges', 'Score the merges'])).toBe('Score the merges');
    expect(stackLabel(['Solve part 1', 'Solve the second part'])).toBe('Solve part 1');
  });
});
