import { describe, expect, it } from 'vitest';
import { doc, op } from '../run/testing';
import { estimateRun, roughTokens } from './estimateRun';
import { formatRange } from './range';
import { example, exampleNames } from './testing';

describe('run estimate', () => {
  it.each([
    ['sorting-032-io', 1, 1],
    ['sorting-032-cot', 1, 1],
    ['sorting-032-tot', 2, 40],
    ['sorting-032-tot2', 3, 30],
    ['sorting-032-got', 5, 31],
    ['sorting-064-got', 11, 71],
    ['sorting-128-got', 23, 151],
  ])('%s costs the paper’s %i requests and %i completions', (name, requests, completions) => {
    const e = estimateRun(example(name));
    expect(e.totals.requests).toEqual({ min: requests, max: requests });
    expect(e.totals.completions).toEqual({ min: completions, max: completions });
  });

  it('shows the thoughts each edge carries, a split giving one thought per part', () => {
    const e = estimateRun(example('sorting-032-got'));
    expect(e.edges['split->select-1']).toBe(2);
    expect(e.edges['select-1->solve-1']).toBe(1);
    expect(e.edges['solve-1->score-1']).toBe(5);
    expect(e.edges['merge-1-1->merge-score-1-1']).toBe(10);
  });

  it('gives a range for Validate & Improve, from valid at once to every try used', () => {
    const d = doc([
      op('g', 'generate', [], { samples: 1, prompt: 'Write {{current}}' }),
      op('v', 'validateAndImprove', ['g'], { prompt: 'Fix {{current}}', tries: 2, validator: { kind: 'llm', prompt: 'Valid? {{current}}', reader: { kind: 'yesNo' } } }),
    ], { current: 'a short text' });
    const e = estimateRun(d).ops.v!;
    expect({ min: e.requests.min, max: e.requests.max }).toEqual({ min: 1, max: 3 + 2 });
    expect(formatRange(e.requests)).toBe('1–5');
    // Likeliest: one validation, and a third of a chance of an improvement and its validation.
    expect(e.requests.likely).toBeCloseTo(1 + 2 / 3);
  });

  it('prices tokens with the chosen model', () => {
    const d = example('sorting-032-io');
    const free = estimateRun(d).totals.cost;
    const paid = estimateRun(d, { promptPerMTok: 1, completionPerMTok: 4 }).totals.cost;
    expect(free.max).toBe(0);
    expect(paid.min).toBeGreaterThan(0);
  });

  it('counts tokens with the counter it is given (the lazily loaded tokenizer), plus the chat framing', () => {
    const e = estimateRun(example('sorting-032-io'), undefined, () => 100);
    // One user message: 3 to prime the reply + 3 for the message + its 100.
    expect(e.totals.promptTokens).toEqual({ min: 106, max: 106 });
    expect(e.totals.completionTokens).toEqual({ min: 100, max: 100 });
  });

  it('renders each prompt for the actual input, so a longer input costs more tokens', () => {
    const short = doc([op('g', 'generate', [], { samples: 1, prompt: 'Sort {{current}}', parser: { kind: 'list', key: 'current', items: 'numbers' } })], { current: [3, 1, 2] });
    const long = { ...short, input: { current: Array.from({ length: 60 }, (_, i) => i % 10) } };
    const a = estimateRun(short).totals;
    const b = estimateRun(long).totals;
    expect(a.promptTokens.min).toBe(3 + 3 + roughTokens('Sort [3, 1, 2]'));
    expect(a.completionTokens.min).toBe(roughTokens('[3, 1, 2]'));
    expect(b.promptTokens.min).toBeGreaterThan(a.promptTokens.min * 5);
  });

  it('keeps a graph that is mid-edit estimable: a prompt naming a key the state lacks still counts', () => {
    const d = doc([op('g', 'generate', [], { samples: 2, prompt: 'Use {{missing}}' })], { current: 'x' });
    const e = estimateRun(d).totals;
    expect(e.requests).toEqual({ min: 1, max: 1 });
    expect(e.promptTokens.min).toBeGreaterThan(6);
  });

  it.each(exampleNames())('gives %s finite counts, tokens and a cost', (name) => {
    const t = estimateRun(example(name), { promptPerMTok: 1, completionPerMTok: 2 }).totals;
    for (const r of [t.requests, t.completions, t.promptTokens, t.completionTokens, t.cost]) {
      expect(Number.isFinite(r.max)).toBe(true);
      expect(r.min).toBeLessThanOrEqual(r.max);
    }
    expect(t.requests.min).toBeGreaterThan(0);
    expect(t.completionTokens.min).toBeGreaterThan(0);
  });

  it('counts roughly four characters per token', () => {
    expect(roughTokens('abcdefgh')).toBe(2);
  });
});
