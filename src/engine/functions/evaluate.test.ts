import { describe, expect, it } from 'vitest';
import { builtinFunctions, emptyFunctionRegistry, mergeFunctionRegistries } from './builtins';
import { evaluateEvaluator, evaluateScorer, evaluateSelector, evaluateValidator, FunctionError, type FunctionEnv } from './evaluate';
import { viewOf } from './testing';
import type { ScriptRunner } from './types';

const functions = mergeFunctionRegistries(builtinFunctions(), {
  ...emptyFunctionRegistry(),
  scorers: {
    'test.throws': {
      label: 'Throws',
      help: '',
      fn: () => {
        throw new Error('boom');
      },
    },
    'test.nan': { label: 'NaN', help: '', fn: () => NaN },
  },
});
const env: FunctionEnv = { functions };

/** A script runner that only knows a few bodies, to test how results are interpreted. */
const fakeRunner = (results: Record<string, unknown>): ScriptRunner => ({
  run: async (code) => {
    if (code in results) return results[code] as never;
    throw new Error('SyntaxError: Unexpected token');
  },
});

describe('evaluateScorer', () => {
  it('calls a named scorer', async () => {
    await expect(evaluateScorer({ kind: 'function', name: 'text.length' }, viewOf({ current: 'abcd' }), env)).resolves.toBe(4);
  });

  it('evaluates a numeric expression, counting true as 1', async () => {
    await expect(evaluateScorer({ kind: 'filter', expr: 'len(state.current) * 2' }, viewOf({ current: [1, 2] }), env)).resolves.toBe(4);
    await expect(evaluateScorer({ kind: 'filter', expr: 'state.x > 1' }, viewOf({ x: 2 }), env)).resolves.toBe(1);
  });

  it('says which scorer is unknown', async () => {
    await expect(evaluateScorer({ kind: 'function', name: 'nope' }, viewOf({}), env)).rejects.toThrow("there is no scorer named 'nope'");
  });

  it('wraps an exception from a named scorer with its name and the thought', async () => {
    const p = evaluateScorer({ kind: 'function', name: 'test.throws' }, viewOf({}), env);
    await expect(p).rejects.toBeInstanceOf(FunctionError);
    await expect(p).rejects.toThrow("scorer 'test.throws' failed on thought t1: boom");
  });

  it('refuses a score that is not a finite number', async () => {
    await expect(evaluateScorer({ kind: 'function', name: 'test.nan' }, viewOf({}), env)).rejects.toThrow(/NaN.*finite number/);
    await expect(evaluateScorer({ kind: 'filter', expr: 'state.s' }, viewOf({ s: 'x' }), env)).rejects.toThrow(/returned a string/);
  });

  it('reports an expression that does not compile with its column', async () => {
    await expect(evaluateScorer({ kind: 'filter', expr: 'len(' }, viewOf({}), env)).rejects.toThrow(/does not compile: .*\(column 5\)/);
  });

  it('runs JavaScript through the injected script runner with the state', async () => {
    const scripts: ScriptRunner = {
      run: async (code, argName, arg) => (argName === 'state' && code === 'return 1' ? (arg as { x: number }).x + 1 : 0),
    };
    await expect(evaluateScorer({ kind: 'js', code: 'return 1', timeoutMs: 100 }, viewOf({ x: 41 }), { functions, scripts })).resolves.toBe(
      42,
    );
  });

  it('fails clearly when JavaScript is used without a script runner', async () => {
    await expect(evaluateScorer({ kind: 'js', code: 'return 1', timeoutMs: 100 }, viewOf({}), env)).rejects.toThrow(
      /no script runner was given/,
    );
  });

  it('passes on the script runner’s error', async () => {
    await expect(
      evaluateScorer({ kind: 'js', code: 'bad(', timeoutMs: 100 }, viewOf({}), { functions, scripts: fakeRunner({}) }),
    ).rejects.toThrow('the JavaScript scorer failed: SyntaxError: Unexpected token');
  });
});

describe('evaluateValidator and evaluateEvaluator', () => {
  it('treat an expression as true when its value is truthy', async () => {
    await expect(evaluateValidator({ kind: 'filter', expr: 'state.current' }, viewOf({ current: [] }), env)).resolves.toBe(false);
    await expect(evaluateValidator({ kind: 'filter', expr: 'state.current' }, viewOf({ current: [1] }), env)).resolves.toBe(true);
    await expect(evaluateEvaluator({ kind: 'filter', expr: 'state.current == [1, 2]' }, viewOf({ current: [1, 2] }), env)).resolves.toBe(
      true,
    );
  });

  it('call named validators and evaluators', async () => {
    await expect(
      evaluateValidator({ kind: 'function', name: 'parse.ok' }, viewOf({}, { parseError: { message: 'x', raw: '' } }), env),
    ).resolves.toBe(false);
    await expect(
      evaluateEvaluator({ kind: 'function', name: 'answer.equalsExpected' }, viewOf({ current: [1], expected: [1] }), env),
    ).resolves.toBe(true);
    await expect(evaluateEvaluator({ kind: 'function', name: 'sorting.solved' }, viewOf({}), env)).rejects.toThrow(
      "there is no evaluator named 'sorting.solved'",
    );
  });

  it('require JavaScript to return true or false', async () => {
    const scripts = fakeRunner({ yes: true, num: 3 });
    await expect(evaluateValidator({ kind: 'js', code: 'yes', timeoutMs: 100 }, viewOf({}), { functions, scripts })).resolves.toBe(true);
    await expect(evaluateEvaluator({ kind: 'js', code: 'num', timeoutMs: 100 }, viewOf({}), { functions, scripts })).rejects.toThrow(
      /returned a number .* true or false/,
    );
  });
});

describe('evaluateSelector', () => {
  const ts = [
    viewOf({ part: 'List 1' }, { id: 'a' }),
    viewOf({ part: 'List 2' }, { id: 'b', score: 3, scored: true }),
    viewOf({ part: 'List 2' }, { id: 'c', score: 5, scored: true }),
  ];

  it('keeps the thoughts a filter accepts, in input order', async () => {
    const kept = await evaluateSelector({ kind: 'filter', expr: 'state.part == "List 2"' }, ts, env);
    expect(kept.map((t) => t.id)).toEqual(['b', 'c']);
  });

  it('keeps what a named selector returns', async () => {
    expect((await evaluateSelector({ kind: 'function', name: 'best' }, ts, env)).map((t) => t.id)).toEqual(['c']);
    expect((await evaluateSelector({ kind: 'function', name: 'first' }, ts, env)).map((t) => t.id)).toEqual(['a']);
  });

  it('maps JavaScript results given as thoughts, ids or positions back to the input thoughts', async () => {
    const scripts = fakeRunner({ objects: [{ id: 'c' }], ids: ['b', 'a', 'b'], positions: [2, 0] });
    const pick = async (code: string) =>
      (await evaluateSelector({ kind: 'js', code, timeoutMs: 100 }, ts, { functions, scripts })).map((t) => t.id);
    expect(await pick('objects')).toEqual(['c']);
    expect(await pick('ids')).toEqual(['b', 'a']);
    expect(await pick('positions')).toEqual(['c', 'a']);
  });

  it('refuses a JavaScript result that is not one of its inputs', async () => {
    const scripts = fakeRunner({ stranger: ['zzz'], notList: 5 });
    await expect(evaluateSelector({ kind: 'js', code: 'stranger', timeoutMs: 100 }, ts, { functions, scripts })).rejects.toThrow(
      /"zzz", which is not one of its input thoughts/,
    );
    await expect(evaluateSelector({ kind: 'js', code: 'notList', timeoutMs: 100 }, ts, { functions, scripts })).rejects.toThrow(
      /must return a list/,
    );
  });

  it('hands JavaScript plain JSON copies of the thoughts', async () => {
    let seen: unknown = null;
    const scripts: ScriptRunner = {
      run: async (_code, argName, arg) => {
        seen = { argName, arg };
        return [];
      },
    };
    await evaluateSelector({ kind: 'js', code: 'x', timeoutMs: 100 }, ts.slice(0, 1), { functions, scripts });
    expect(seen).toEqual({
      argName: 'thoughts',
      arg: [
        { id: 'a', state: { part: 'List 1' }, score: null, scored: false, valid: null, validated: false, solved: null, compared: false },
      ],
    });
  });
});

describe('mergeFunctionRegistries', () => {
  it('lets a later registry override a name and keeps the rest', () => {
    const later = { ...emptyFunctionRegistry(), scorers: { 'text.length': { label: 'L', help: '', fn: () => -1 } } };
    const merged = mergeFunctionRegistries(builtinFunctions(), later);
    expect(merged.scorers['text.length']?.fn(viewOf({}))).toBe(-1);
    expect(merged.scorers['list.length']).toBeDefined();
    expect(merged.selectors.first).toBeDefined();
  });
});
