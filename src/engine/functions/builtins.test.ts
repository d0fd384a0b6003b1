import { describe, expect, it } from 'vitest';
import { builtinFunctions } from './builtins';
import { viewOf } from './testing';

const fns = builtinFunctions();

describe('builtinFunctions', () => {
  it('scores the length of the answer as text or as a list', () => {
    expect(fns.scorers['text.length']?.fn(viewOf({ current: [1, 2] }))).toBe('[1, 2]'.length);
    expect(fns.scorers['list.length']?.fn(viewOf({ current: [1, 2] }))).toBe(2);
    expect(fns.scorers['list.length']?.fn(viewOf({ current: 'x' }))).toBe(0);
  });

  it('validates parsed and non-empty answers', () => {
    expect(fns.validators['parse.ok']?.fn(viewOf({}, { parseError: { message: 'm', raw: 'r' } }))).toBe(false);
    expect(fns.validators['answer.nonEmpty']?.fn(viewOf({ current: {} }))).toBe(false);
    expect(fns.validators['answer.nonEmpty']?.fn(viewOf({ current: 0 }))).toBe(true);
  });

  it('selects the best scored thought, ties going to the earlier input, skipping unscored ones', () => {
    const ts = [
      viewOf({}, { id: 'u' }),
      viewOf({}, { id: 'a', score: 2, scored: true }),
      viewOf({}, { id: 'b', score: 2, scored: true }),
      viewOf({}, { id: 'c', score: 1, scored: true }),
    ];
    expect(fns.selectors.best?.fn(ts).map((t) => t.id)).toEqual(['a']);
    expect(fns.selectors.lowest?.fn(ts).map((t) => t.id)).toEqual(['c']);
    expect(fns.selectors.last?.fn(ts).map((t) => t.id)).toEqual(['c']);
  });

  it('parses one thought per non-empty line', () => {
    expect(fns.parsers.lines?.fn('a\r\n\n  b  \n', { state: {}, inputs: [] })).toEqual({
      ok: true,
      updates: [{ current: 'a' }, { current: 'b' }],
    });
  });

  it('reads the first number of each sample and averages them', () => {
    expect(fns.answerReaders['first.number']?.fn(['7 of 10', '9 of 10'], viewOf({}))).toBe(8);
    expect(() => fns.answerReaders['first.number']?.fn(['none'], viewOf({}))).toThrow('no completion contains a number');
  });

  it('gives every function a label and a one-line help', () => {
    for (const group of Object.values(fns)) {
      for (const [name, f] of Object.entries(group as Record<string, { label: string; help: string }>)) {
        expect(f.label, name).not.toBe('');
        expect(f.help, name).not.toBe('');
      }
    }
  });
});
