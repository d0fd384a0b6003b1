import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../store/createAppStore';
import { operationName } from './operationName';

describe('operation names for people', () => {
  it('use the label, else the type name, never the id', () => {
    const store = createAppStore();
    const s = store.getState;
    const a = s().addOperation('selector', { x: 0, y: 0 });
    expect(operationName(s().doc, a)).toBe('Selector');
    s().setLabel(a, 'Pick List 2');
    expect(operationName(s().doc, a)).toBe('Pick List 2');
    expect(operationName(s().doc, null)).toBe('');
  });
});
