import { describe, expect, it } from 'vitest';
import { builtinFunctions, emptyFunctionRegistry, mergeFunctionRegistries } from '../functions/builtins';
import { viewOf } from '../functions/testing';
import { parserSpecSchema, type ParserSpec } from '../graph/specs';
import { parseAnswer, readAnswer } from './parse';

const functions = mergeFunctionRegistries(builtinFunctions(), {
  ...emptyFunctionRegistry(),
  parsers: {
    'test.throws': {
      label: '',
      help: '',
      fn: () => {
        throw new Error('bad answer');
      },
    },
  },
  answerReaders: { 'test.double': { label: '', help: '', fn: (texts) => texts.length * 2 } },
});
const ctx = { state: { original: [3, 1, 2] }, inputs: [] };
const spec = (s: unknown): ParserSpec => parserSpecSchema.parse(s);
const parse = (s: unknown, text: string) => parseAnswer(spec(s), text, ctx, functions);

describe('parseAnswer', () => {
  it('text: puts the trimmed answer under its key', () => {
    expect(parse({ kind: 'text' }, '  hello \n')).toEqual({ ok: true, updates: [{ current: 'hello' }] });
  });

  it('json: lays the first JSON object over the state, ignoring prose and code fences', () => {
    const text = 'Sure!\n```json\n{"Peru": 2, "note": "a } in a string"}\n```\nand {"other": 1}';
    expect(parse({ kind: 'json' }, text)).toEqual({ ok: true, updates: [{ Peru: 2, note: 'a } in a string' }] });
    expect(parse({ kind: 'json', key: 'counts' }, text)).toEqual({ ok: true, updates: [{ counts: { Peru: 2, note: 'a } in a string' } }] });
  });

  it('json: says what it expected when there is no object or it is broken', () => {
    expect(parse({ kind: 'json' }, 'no braces here')).toEqual({
      ok: false,
      message: 'expected a JSON object like {"key": "value"}; found none',
    });
    const broken = parse({ kind: 'json' }, 'result: {Peru: 2}');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.message).toMatch(/found \{Peru: 2\} but it is not valid JSON/);
  });

  it('jsonParts: makes one update per property, in the object’s order', () => {
    const r = parse({ kind: 'jsonParts', valueKeys: ['current', 'original'], set: { phase: 1 } }, '{"List 1": [1, 2], "List 2": [3]}');
    expect(r).toEqual({
      ok: true,
      updates: [
        { part: 'List 1', current: [1, 2], original: [1, 2], phase: 1 },
        { part: 'List 2', current: [3], original: [3], phase: 1 },
      ],
    });
  });

  it('jsonParts: an empty object makes zero thoughts', () => {
    expect(parse({ kind: 'jsonParts' }, 'Parts: {}')).toEqual({ ok: true, updates: [] });
  });

  it('list: reads the last bracketed list', () => {
    expect(parse({ kind: 'list', items: 'numbers' }, 'Input: [3, 1, 2]\nOutput: [1, 2, 3]')).toEqual({
      ok: true,
      updates: [{ current: [1, 2, 3] }],
    });
  });

  it('list: reads single-quoted, bare and trailing-comma lists leniently', () => {
    expect(parse({ kind: 'list', items: 'strings' }, "['a', 'b', c,]")).toEqual({ ok: true, updates: [{ current: ['a', 'b', 'c'] }] });
    expect(parse({ kind: 'list', items: 'numbers' }, "['1', 2]")).toEqual({ ok: true, updates: [{ current: [1, 2] }] });
    expect(parse({ kind: 'list', items: 'any' }, '[1, "x", [2]]')).toEqual({ ok: true, updates: [{ current: [1, 'x', [2]] }] });
    expect(parse({ kind: 'list' }, 'nothing: []')).toEqual({ ok: true, updates: [{ current: [] }] });
  });

  it('list: skips a trailing list that is not numbers when numbers are wanted', () => {
    expect(parse({ kind: 'list', items: 'numbers' }, 'Output: [1, 2] [see above]')).toEqual({ ok: true, updates: [{ current: [1, 2] }] });
  });

  it('list: explains a missing list or a bad item', () => {
    expect(parse({ kind: 'list' }, 'I cannot sort this.')).toEqual({
      ok: false,
      message: 'expected a bracketed list like [1, 2, 3]; found none',
    });
    const r = parse({ kind: 'list', items: 'numbers' }, '[1, two, 3]');
    expect(r).toEqual({ ok: false, message: 'expected a list of numbers; item 2 of [1, two, 3] is "two"' });
  });

  it('number: reads the last number', () => {
    expect(parse({ kind: 'number', key: 'score' }, 'Redundancy 3, information 7.5')).toEqual({ ok: true, updates: [{ score: 7.5 }] });
    expect(parse({ kind: 'number' }, 'none')).toEqual({ ok: false, message: 'expected a number; found none' });
    expect(parse({ kind: 'number' }, 'Total: -3')).toEqual({ ok: true, updates: [{ value: -3 }] });
    expect(parse({ kind: 'number' }, 'between 3-4')).toEqual({ ok: true, updates: [{ value: 4 }] });
    expect(parse({ kind: 'number' }, 'on 2024-01-02')).toEqual({ ok: true, updates: [{ value: 2 }] });
  });

  it('regex: captures a group, or every match with all', () => {
    expect(parse({ kind: 'regex', pattern: 'Answer: (\\w+)' }, 'Answer: yes')).toEqual({ ok: true, updates: [{ current: 'yes' }] });
    expect(parse({ kind: 'regex', pattern: '(\\d+)x', all: true, key: 'xs' }, '2x 3x 4y')).toEqual({
      ok: true,
      updates: [{ xs: ['2', '3'] }],
    });
    expect(parse({ kind: 'regex', pattern: 'Answer: (\\w+)', flags: 'g' }, 'Answer: no')).toEqual({
      ok: true,
      updates: [{ current: 'no' }],
    });
    expect(parse({ kind: 'regex', pattern: 'Answer: (\\w+)' }, 'nothing')).toMatchObject({
      ok: false,
      message: expect.stringContaining('found none'),
    });
    expect(parse({ kind: 'regex', pattern: '(' }, 'x')).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a valid regular expression'),
    });
    expect(parse({ kind: 'regex', pattern: 'a', group: 2 }, 'a')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no group 2'),
    });
  });

  it('function: calls a registered parser and applies set to each update', () => {
    expect(parse({ kind: 'function', name: 'lines', set: { phase: 2 } }, 'a\n\nb')).toEqual({
      ok: true,
      updates: [
        { current: 'a', phase: 2 },
        { current: 'b', phase: 2 },
      ],
    });
  });

  it('function: reports an unknown or throwing parser instead of throwing', () => {
    expect(parse({ kind: 'function', name: 'nope' }, 'x')).toEqual({ ok: false, message: "there is no parser named 'nope'" });
    expect(parse({ kind: 'function', name: 'test.throws' }, 'x')).toEqual({
      ok: false,
      message: "parser 'test.throws' failed: bad answer",
    });
  });
});

describe('readAnswer', () => {
  const t = viewOf({});
  it('number: averages the last number of each sample, skipping samples without one', () => {
    expect(readAnswer({ kind: 'number' }, ['Score: 4', 'I think 6', 'no idea'], t, functions)).toEqual({ ok: true, value: 5 });
    expect(readAnswer({ kind: 'number' }, ['none', 'none'], t, functions)).toEqual({
      ok: false,
      message: 'expected a number in the answer; found none in any of 2 completions',
    });
  });

  it('regex: averages group 1 read as a number', () => {
    expect(
      readAnswer({ kind: 'regex', pattern: 'Redundancy: (\\d+)', flags: '' }, ['Redundancy: 2, Info: 9', 'Redundancy: 4'], t, functions),
    ).toEqual({ ok: true, value: 3 });
  });

  it('list: averages lists element-wise over samples of the same length', () => {
    expect(readAnswer({ kind: 'list' }, ['Scores: [1, 2, 3]', '[3, 4, 5]', '[9]', 'none'], t, functions)).toEqual({
      ok: true,
      value: [2, 3, 4],
    });
    expect(readAnswer({ kind: 'list' }, ['none'], t, functions)).toMatchObject({ ok: false });
  });

  it('yesNo: takes the majority and counts a tie as invalid', () => {
    expect(readAnswer({ kind: 'yesNo' }, ['Yes, it is.', 'yes', 'No.'], t, functions)).toEqual({ ok: true, value: true });
    expect(readAnswer({ kind: 'yesNo' }, ['Yes', 'No'], t, functions)).toEqual({ ok: true, value: false });
    expect(readAnswer({ kind: 'yesNo' }, ['This is invalid'], t, functions)).toEqual({ ok: true, value: false });
    expect(readAnswer({ kind: 'yesNo', yes: '^ok' }, ['OK then'], t, functions)).toEqual({ ok: true, value: true });
  });

  it('function: calls a named reader, and reports an unknown one', () => {
    expect(readAnswer({ kind: 'function', name: 'test.double' }, ['a', 'b'], t, functions)).toEqual({ ok: true, value: 4 });
    expect(readAnswer({ kind: 'function', name: 'nope' }, ['a'], t, functions)).toEqual({
      ok: false,
      message: "there is no answer reader named 'nope'",
    });
  });

  it('fails when there are no completions', () => {
    expect(readAnswer({ kind: 'number' }, [], t, functions)).toEqual({ ok: false, message: 'there are no completions to read' });
  });
});
