import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentFile, type GotDocument } from '../../engine/index';
import { createAppStore } from '../store/createAppStore';
import { estimateRun, formatRange, roughTokens } from './estimateRun';

const example = (name: string): GotDocument => {
  const r = parseDocumentFile(readFileSync(`public/examples/${name}.got.json`, 'utf8'));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.document;
};

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

  it('shows the thoughts each edge carries', () => {
    const e = estimateRun(example('sorting-032-got'));
    expect(e.edges['select-1->solve-1']).toBe(1);
    expect(e.edges['solve-1->score-1']).toBe(5);
    expect(e.edges['merge-1-1->merge-score-1-1']).toBe(10);
  });

  it('gives a range for Validate & Improve, from valid at once to every try used', () => {
    const store = createAppStore();
    const s = store.getState;
    const g = s().addOperation('generate', { x: 0, y: 0 });
    const v = s().addOperation('validateAndImprove', { x: 0, y: 0 });
    s().connect(g, v);
    s().setParam(v, 'validator', { kind: 'llm', prompt: 'Valid? {{current}}', reader: { kind: 'yesNo' } });
    s().setParam(v, 'tries', 2);
    const e = estimateRun(s().doc).ops[v]!;
    expect(e.requests).toEqual({ min: 1, max: 3 + 2 });
    expect(formatRange(e.requests)).toBe('1–5');
  });

  it('prices tokens with the chosen model', () => {
    const doc = example('sorting-032-io');
    const free = estimateRun(doc).totals.cost;
    const paid = estimateRun(doc, { promptPerMTok: 1, completionPerMTok: 4 }).totals.cost;
    expect(free.max).toBe(0);
    expect(paid.min).toBeGreaterThan(0);
  });

  it('counts tokens with the counter it is given (the lazily loaded tokenizer)', () => {
    const e = estimateRun(example('sorting-032-io'), undefined, () => 100);
    expect(e.totals.promptTokens).toEqual({ min: 200, max: 200 });
    expect(e.totals.completionTokens).toEqual({ min: 100, max: 100 });
  });

  it('counts roughly four characters per token', () => {
    expect(roughTokens('abcdefgh')).toBe(2);
  });
});
