import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store/createAppStore';
import { layoutPositions } from './autoLayout';

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
});
