import { describe, expect, it } from 'vitest';
import { DEFAULT_NODE_SIZE } from '../document/autoLayout';
import { overlaps } from '../document/placement';
import { createAppStore } from '../store/createAppStore';
import { terminalPositions, TERMINAL_SIZE } from './terminalPositions';

describe('input and final-thoughts nodes', () => {
  it('move aside rather than sit on an operation where they would go', () => {
    const store = createAppStore();
    const s = store.getState;
    s().addOperation('generate', { x: 0, y: 0 });
    const last = s().addOperation('score', { x: 0, y: 400 });
    const middle = s().addOperation('generate', { x: 300, y: 200 });
    s().connect(middle, last);
    const t = terminalPositions(s().doc);
    for (const o of s().doc.operations) {
      const box = { ...o.position!, ...DEFAULT_NODE_SIZE };
      expect(overlaps({ ...t.output, ...TERMINAL_SIZE }, box), `final thoughts on ${o.id}`).toBe(false);
      expect(overlaps({ ...t.input, ...TERMINAL_SIZE }, box), `input on ${o.id}`).toBe(false);
    }
  });
});
