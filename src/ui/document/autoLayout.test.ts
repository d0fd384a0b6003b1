import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDocumentFile } from '../../engine/index';
import { terminalPositions, TERMINAL_SIZE } from '../canvas/terminalPositions';
import { createAppStore } from '../store/createAppStore';
import { DEFAULT_NODE_SIZE, layoutPositions } from './autoLayout';
import { moveItems } from './graphEdits';
import { overlaps } from './placement';
import { wrapIntoRows } from './wrapLayout';

const LAPTOP = { width: 676, height: 672 };

describe('auto-layout', () => {
  it('places every operation left to right along its edges', async () => {
    const store = createAppStore();
    const s = store.getState;
    const a = s().addOperation('generate', { x: 900, y: 0 });
    const b = s().addOperation('score', { x: 0, y: 500 });
    const c = s().addOperation('keepBestN', { x: 300, y: -200 });
    s().connect(a, b);
    s().connect(b, c);
    const pos = await layoutPositions(s().doc);
    expect(Object.keys(pos).sort()).toEqual([a, b, c].sort());
    expect(pos[a]!.x).toBeLessThan(pos[b]!.x);
    expect(pos[b]!.x).toBeLessThan(pos[c]!.x);
    s().moveItems(pos);
    store.temporal.getState().undo();
    expect(s().doc.operations.find((o) => o.id === a)!.position).toEqual({ x: 900, y: 0 });
  });

  it('keeps a three-operation chain on one row on a 1280×720 screen', async () => {
    const store = createAppStore();
    const s = store.getState;
    const a = s().addOperation('generate', { x: 0, y: 0 });
    const b = s().addOperation('score', { x: 0, y: 0 });
    const c = s().addOperation('keepBestN', { x: 0, y: 0 });
    s().connect(a, b);
    s().connect(b, c);
    const pos = await layoutPositions(s().doc);
    const laid = wrapIntoRows(pos, LAPTOP) ?? pos;
    expect(new Set(Object.values(laid).map((p) => p.y)).size).toBe(1);
  });

  it('never overlaps two operations, nor an operation and the final thoughts, in the gallery examples', async () => {
    for (const file of ['sorting-032-got', 'doc-merge-got', 'keyword-counting-got4', 'set-intersection-128-got', 'sorting-128-got']) {
      const r = parseDocumentFile(readFileSync(`public/examples/${file}.got.json`, 'utf8'));
      if (!r.ok) throw new Error(file);
      const pos = await layoutPositions(r.document);
      const doc = moveItems(r.document, wrapIntoRows(pos, LAPTOP) ?? pos);
      const boxes = doc.operations.map((o) => ({ id: o.id, ...o.position!, ...DEFAULT_NODE_SIZE }));
      for (const x of boxes) for (const y of boxes) if (x.id < y.id) expect(overlaps(x, y), `${file}: ${x.id} ${y.id}`).toBe(false);
      const t = terminalPositions(doc);
      for (const x of boxes) {
        expect(overlaps({ ...t.output, ...TERMINAL_SIZE }, x), `${file}: final thoughts on ${x.id}`).toBe(false);
        expect(overlaps({ ...t.input, ...TERMINAL_SIZE }, x), `${file}: input on ${x.id}`).toBe(false);
      }
    }
  });
});
