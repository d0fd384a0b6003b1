import { describe, expect, it } from 'vitest';
import { documentSchema } from './document';
import { analyzeStructure } from './structure';

const doc = (ops: Array<[string, string[]]>) =>
  documentSchema.parse({ format: 'got-studio', version: 2, operations: ops.map(([id, inputs]) => ({ id, type: 'keepValid', inputs })) });

describe('analyzeStructure', () => {
  it('orders a diamond so every operation follows its inputs, ties by document order', () => {
    const s = analyzeStructure(
      doc([
        ['join', ['right', 'left']],
        ['right', ['top']],
        ['left', ['top']],
        ['top', []],
      ]),
    );
    expect(s.order).toEqual(['top', 'right', 'left', 'join']);
    expect(s.preds.get('join')).toEqual(['right', 'left']);
    expect(s.diagnostics).toEqual([]);
  });

  it('leaves operations behind a cycle out of the order and reports only the cycle', () => {
    const s = analyzeStructure(
      doc([
        ['a', []],
        ['b', ['a', 'c']],
        ['c', ['b']],
        ['d', ['c']],
      ]),
    );
    expect(s.order).toEqual(['a']);
    expect(s.diagnostics.map((d) => [d.code, d.opId, d.edge])).toEqual([['cycle', 'b', { from: 'c', to: 'b' }]]);
  });

  it('keeps valid edges of an operation that also has bad ones', () => {
    const s = analyzeStructure(
      doc([
        ['a', []],
        ['b', ['a', 'b', 'a', 'x']],
      ]),
    );
    expect(s.preds.get('b')).toEqual(['a']);
    expect(s.order).toEqual(['a', 'b']);
  });
});
