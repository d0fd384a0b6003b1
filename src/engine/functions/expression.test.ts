import { describe, expect, it } from 'vitest';
import { compileExpression, expressionStateKeys } from './expression';
import { viewOf as view } from './testing';
import type { ThoughtView } from './types';

const run = (expr: string, t: ThoughtView = view({})) => {
  const c = compileExpression(expr);
  if (!c.ok) throw new Error(`${c.message} @${c.column}`);
  return c.evaluate(t);
};

describe('compileExpression', () => {
  it('compares a state key with a string literal', () => {
    expect(run('state.part == "List 2"', view({ part: 'List 2' }))).toBe(true);
    expect(run("state.part == 'List 2'", view({ part: 'List 3' }))).toBe(false);
    expect(run('state.part != "List 2"', view({ part: 'List 3' }))).toBe(true);
  });

  it('reads the thought annotations score, valid and solved', () => {
    const t = view({}, { score: 2, scored: true, valid: true, validated: true, solved: false });
    expect(run('score < 3 and valid', t)).toBe(true);
    expect(run('not solved', t)).toBe(true);
    expect(run('scored and validated', t)).toBe(true);
  });

  it('gives multiplication precedence over addition and comparison over and/or', () => {
    expect(run('1 + 2 * 3')).toBe(7);
    expect(run('(1 + 2) * 3')).toBe(9);
    expect(run('10 - 4 - 3')).toBe(3);
    expect(run('8 / 2 / 2')).toBe(2);
    expect(run('-2 * 3')).toBe(-6);
    expect(run('true or false and false')).toBe(true);
    expect(run('(true or false) and false')).toBe(false);
    expect(run('not 1 == 2')).toBe(true);
    expect(run('1 < 2 == true')).toBe(true);
  });

  it('accepts &&, || and ! as spellings of and, or, not', () => {
    expect(run('!false && (false || true)')).toBe(true);
  });

  it('calls len and contains on strings, lists and objects', () => {
    const t = view({ current: [1, 2, 3, 4, 5], text: 'abc', counts: { Peru: 1 } });
    expect(run('len(state.current) > 4', t)).toBe(true);
    expect(run('len(state.text)', t)).toBe(3);
    expect(run('contains(state.text, "b")', t)).toBe(true);
    expect(run('contains(state.current, 6)', t)).toBe(false);
    expect(run('contains(state.counts, "Peru")', t)).toBe(true);
    expect(run('sum(state.current) + max(1, 7) + min(state.current)', t)).toBe(23);
  });

  it('indexes lists by number (negative from the end) and objects by string', () => {
    const t = view({ xs: [10, 20, 30], o: { 'a b': 1 } });
    expect(run('state.xs[0] + state.xs[-1]', t)).toBe(40);
    expect(run('state.o["a b"]', t)).toBe(1);
    expect(run('state.missing', t)).toBe(null);
    expect(run('state.missing.deeper', t)).toBe(null);
  });

  it('compares lists and objects by value', () => {
    expect(run('state.xs == [1, 2]', view({ xs: [1, 2] }))).toBe(true);
    expect(run('sorted(state.xs) == [1, 2, 3]', view({ xs: [3, 1, 2] }))).toBe(true);
  });

  it('concatenates strings with +', () => {
    expect(run('"List " + 2')).toBe('List 2');
  });

  it('reports a syntax error with its 1-based column', () => {
    expect(compileExpression('score <')).toMatchObject({ ok: false, column: 8 });
    expect(compileExpression('len(state.x')).toMatchObject({ ok: false, column: 12 });
    expect(compileExpression('state.part = "x"')).toMatchObject({ ok: false, column: 12 });
    expect(compileExpression('"open')).toMatchObject({ ok: false, column: 1, message: expect.stringContaining('unterminated') });
    expect(compileExpression('')).toMatchObject({ ok: false, message: 'the expression is empty' });
  });

  it('rejects unknown names and functions at compile time, with a hint', () => {
    expect(compileExpression('part == "x"')).toMatchObject({ ok: false, column: 1, message: expect.stringContaining('state.part') });
    expect(compileExpression('score > 1 and eval("x")')).toMatchObject({
      ok: false,
      column: 15,
      message: expect.stringContaining("unknown function 'eval'"),
    });
    expect(compileExpression('len(1, 2)')).toMatchObject({ ok: false, message: expect.stringContaining('takes 1 argument') });
  });

  it('cannot reach globals or prototype members', () => {
    for (const expr of ['globalThis', 'window', 'process', 'constructor', 'toString()', '__proto__']) {
      expect(compileExpression(expr).ok).toBe(false);
    }
    expect(run('state.constructor', view({}))).toBe(null);
    expect(run('state["__proto__"]', view({}))).toBe(null);
    expect(run('state.toString', view({}))).toBe(null);
  });

  it('throws a runtime error with a column when values do not fit the operator', () => {
    const c = compileExpression('state.xs < 3');
    expect(c.ok).toBe(true);
    if (c.ok) expect(() => c.evaluate(view({ xs: [1] }))).toThrow(/cannot compare a list with a number/);
    const d = compileExpression('1 / state.zero');
    if (d.ok) expect(() => d.evaluate(view({ zero: 0 }))).toThrow(/division by zero/);
  });

  it('treats ordering comparisons with a missing value as false', () => {
    expect(run('score < 3', view({}))).toBe(false);
    expect(run('score >= 3 or not scored', view({}))).toBe(true);
    expect(run('state.missing > 0', view({}))).toBe(false);
  });
});

describe('expressionStateKeys', () => {
  it('lists the state keys an expression reads', () => {
    expect(expressionStateKeys('state.part == "x" and len(state["cur"]) > state.n[0] and score > 1')).toEqual(['part', 'cur', 'n']);
    expect(expressionStateKeys('state.')).toEqual([]);
  });
});
