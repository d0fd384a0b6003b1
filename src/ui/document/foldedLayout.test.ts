import { describe, expect, it } from 'vitest';
import { exampleFile, galleryFiles } from './galleryFiles';
import type { GotDocument } from '../../engine/index';
import { terminalPositions, TERMINAL_SIZE } from '../canvas/terminalPositions';
import { DEFAULT_NODE_SIZE } from './autoLayout';
import { foldGroups, groupKey } from './foldBranches';
import { foldedView } from './foldedLayout';
import { overlaps } from './placement';

const example = exampleFile;
const gallery = galleryFiles();
const VIEWS = [
  { width: 676, height: 672 },
  { width: 789, height: 432 },
];
const allKeys = (doc: GotDocument) => new Set(foldGroups(doc).map(groupKey));

/** Every drawn operation's and terminal's box; a stack's back cards reach 10 px right and down. */
function drawnBoxes(doc: GotDocument, stacks: ReadonlyMap<string, unknown>) {
  const t = terminalPositions(doc);
  return [
    { id: 'input', ...t.input, ...TERMINAL_SIZE },
    { id: 'output', ...t.output, ...TERMINAL_SIZE },
    ...doc.operations.map((o) => ({ id: o.id, ...o.position!, width: DEFAULT_NODE_SIZE.width + (stacks.has(o.id) ? 10 : 0), height: DEFAULT_NODE_SIZE.height + (stacks.has(o.id) ? 10 : 0) })),
  ];
}

function expectApart(boxes: ReturnType<typeof drawnBoxes>, what: string) {
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `${what}: ${boxes[i]!.id} ${boxes[j]!.id}`).toBe(false);
}

describe('the folded layout', () => {
  it('draws nothing else when no branch is folded: the document itself', () => {
    const doc = example('sorting-128-got.got.json');
    expect(foldedView(doc, new Set(), VIEWS[0]!).doc).toBe(doc);
  });

  it('draws sorting-128 GoT as 24 operations, the stacks fed and left through their leads', () => {
    const doc = example('sorting-128-got.got.json');
    const v = foldedView(doc, allKeys(doc), VIEWS[0]!);
    expect(v.doc.operations).toHaveLength(24);
    const drawn = new Map(v.doc.operations.map((o) => [o.id, o]));
    expect(drawn.get('merge-1-1')!.inputs).toEqual(['keep-best-1']);
    expect(drawn.get('best-1-1')!.inputs).toEqual(['merge-best-1-1', 'refine-score-1-1']);
    expect(v.leadOf.get('keep-best-8')).toBe('keep-best-1');
    expect(v.stacks.get('select-1')!.members).toHaveLength(8);
  });

  it('enters a folded run of rounds through its first round only, without drawing an edge back into it', () => {
    const doc = example('sorting-128-tot2.got.json');
    const v = foldedView(doc, allKeys(doc), VIEWS[0]!);
    const drawn = new Map(v.doc.operations.map((o) => [o.id, o]));
    expect(v.doc.operations.map((o) => o.id)).toEqual(['generate-1', 'score-1', 'keep-best-1', 'generate-2', 'score-2', 'keep-best-2', 'ground-truth']);
    expect(drawn.get('generate-2')!.inputs).toEqual(['keep-best-1']);
    expect(drawn.get('ground-truth')!.inputs).toEqual(['keep-best-2']);
  });

  it('never overlaps two drawn operations or the input and final thoughts, folded, or in the largest ones with any one stack unfolded', () => {
    for (const file of gallery) {
      const doc = example(file);
      const keys = [...allKeys(doc)];
      if (!keys.length) continue;
      for (const view of VIEWS) {
        const folded = foldedView(doc, new Set(keys), view);
        expectApart(drawnBoxes(folded.doc, folded.stacks), `${file} folded`);
        if (!/128-(got|tot2)|got8/.test(file)) continue;
        for (const open of keys) {
          const v = foldedView(doc, new Set(keys.filter((k) => k !== open)), view);
          expectApart(drawnBoxes(v.doc, v.stacks), `${file} with one unfolded`);
        }
      }
    }
  });

  it('puts a stack unfolded among folded ones back as all its members, one lane each', () => {
    const doc = example('keyword-counting-got8.got.json');
    const keys = [...allKeys(doc)];
    const solve = foldGroups(doc).find((g) => g.lead === 'solve-1')!;
    const v = foldedView(doc, new Set(keys.filter((k) => k !== groupKey(solve))), VIEWS[0]!);
    const drawn = new Map(v.doc.operations.map((o) => [o.id, o]));
    for (const m of solve.members) expect(drawn.get(m)?.inputs).toEqual(['select-1']);
    expect(new Set(solve.members.map((m) => drawn.get(m)!.position!.x)).size).toBe(1);
    expect(drawn.get('score-1')!.inputs).toEqual(solve.members);
  });

  it('keeps where the user dragged a drawn operation in the folded view', () => {
    const doc = example('sorting-128-got.got.json');
    const v = foldedView(doc, allKeys(doc), VIEWS[0]!, { 'select-1': { x: 5000, y: 40 } });
    expect(v.doc.operations.find((o) => o.id === 'select-1')!.position).toEqual({ x: 5000, y: 40 });
  });
});
