import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/createAppStore';
import { DEFAULT_NODE_SIZE } from './autoLayout';
import { itemRects, overlaps, placeNewOperation } from './placement';

const noOverlap = (rects: ReturnType<typeof itemRects>) => {
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!), `${i} ${j}`).toBe(false);
};

describe('placing a clicked operation', () => {
  it('puts three clicks after a selected operation in a row to its right, each connected to the one before', () => {
    const store = createAppStore();
    const s = store.getState;
    let last = s().addOperation('generate', { x: 0, y: 0 });
    const first = last;
    for (const type of ['score', 'keepBestN', 'generate'] as const) {
      const p = placeNewOperation(s().doc, last, { x: 0, y: 0 });
      const id = s().addOperation(type, p);
      expect(s().connect(last, id).ok).toBe(true);
      expect(p.y).toBe(0);
      expect(p.x).toBeGreaterThan(s().doc.operations.find((o) => o.id === last)!.position!.x + DEFAULT_NODE_SIZE.width);
      last = id;
    }
    noOverlap(itemRects(s().doc));
    expect(s().doc.operations.map((o) => o.inputs.length)).toEqual([0, 1, 1, 1]);
    expect(s().doc.operations[1]!.inputs).toEqual([first]);
  });

  it('never stacks operations clicked with nothing selected on one spot', () => {
    const store = createAppStore();
    const s = store.getState;
    for (let i = 0; i < 4; i++) s().addOperation('generate', placeNewOperation(s().doc, null, { x: 300, y: 200 }));
    noOverlap(itemRects(s().doc));
    expect(new Set(s().doc.operations.map((o) => o.position!.x)).size).toBe(1);
  });

  it('goes below whatever already sits right of the selection', () => {
    const store = createAppStore();
    const s = store.getState;
    const a = s().addOperation('generate', { x: 0, y: 0 });
    s().addOperation('score', { x: 280, y: 20 });
    s().addComment({ x: 280, y: 140 });
    const p = placeNewOperation(s().doc, a, { x: 0, y: 0 });
    expect(p.x).toBe(280);
    s().addOperation('keepBestN', p);
    noOverlap(itemRects(s().doc));
  });
});
