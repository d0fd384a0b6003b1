import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries, parseDocumentFile, runGraph, simulatorModel, taskFunctions, type GotDocument } from '../../engine/index';
import { SIMULATOR_PRICING } from '../store/runsSlice';
import { estimateOf } from './estimateOf';
import { loadExactTokenCounter } from './tokenCounter';

const example = (name: string): GotDocument => {
  const r = parseDocumentFile(readFileSync(`public/examples/${name}.got.json`, 'utf8'));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.document;
};

describe('the editor’s run estimate', () => {
  it('counts tokens as the simulator bills them when the simulator is the model', async () => {
    const doc = example('sorting-032-got');
    const t = estimateOf(doc, SIMULATOR_PRICING).totals;
    const { summary } = await runGraph(doc, { model: simulatorModel({ latencyMs: 0, tokenMs: 0 }), functions: mergeFunctionRegistries(builtinFunctions(), taskFunctions()), seed: 1 });
    const estimated = t.promptTokens.max + t.completionTokens.max;
    const actual = summary.promptTokens + summary.completionTokens;
    expect(Math.abs(estimated - actual) / actual).toBeLessThan(0.05);
  });

  it('counts with the real tokenizer for a real model, where a list of digits costs far more tokens', async () => {
    await loadExactTokenCounter();
    const doc = example('sorting-032-got');
    const simulated = estimateOf(doc, SIMULATOR_PRICING).totals.promptTokens.max;
    const real = estimateOf(doc, { label: 'gpt-4o-mini', promptPerMTok: 0.15, completionPerMTok: 0.6 }).totals;
    expect(real.promptTokens.max).toBeGreaterThan(simulated * 1.5);
    expect(real.cost.max).toBeGreaterThan(0);
  });
});
