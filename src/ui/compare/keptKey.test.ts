import { describe, expect, it } from 'vitest';
import { exampleSpecs, type GotDocument } from '../../engine/index';
import { checkKeptSample, keptResultKey, type KeptChoice } from './keptKey';

const spec = exampleSpecs.find((s) => s.id === 'sorting-032-got')!;
const doc: GotDocument = spec.build({});
const model = { provider: 'simulator', baseUrl: 'simulator', model: 'simulator', price: { input: 0.5, output: 1.5 } };
const choice: KeptChoice = { document: doc, sample: 3, model, seed: 0 };
const outcome = { sampleIndex: 3, status: 'completed', score: 2, solved: false, wallMs: 120, requests: 5, completions: 31, cacheHits: 0, promptTokens: 900, completionTokens: 700, cost: 0.0015 };

describe('kept result key', () => {
  it('stays the same when only the title, description, layout, comments or default input change', () => {
    const moved: GotDocument = {
      ...doc,
      title: 'Mine',
      description: 'a copy',
      input: { current: '[1, 2]' },
      comments: [{ id: 'c', text: 'note', position: { x: 0, y: 0 } }],
      operations: doc.operations.map((op) => ({ ...op, label: 'renamed', position: { x: 99, y: 7 } })),
    };
    expect(keptResultKey({ ...choice, document: moved })).toBe(keptResultKey(choice));
  });

  it('changes with an operation parameter, the row, the seed, the model or its prices', () => {
    const [first, ...rest] = doc.operations;
    const edited: GotDocument = { ...doc, operations: [{ ...first!, params: { ...first!.params, n: 9 } }, ...rest] };
    const keys = [
      keptResultKey(choice),
      keptResultKey({ ...choice, document: edited }),
      keptResultKey({ ...choice, sample: 4 }),
      keptResultKey({ ...choice, seed: 1 }),
      keptResultKey({ ...choice, model: { ...model, model: 'gpt-4o-mini' } }),
      keptResultKey({ ...choice, model: { ...model, price: { input: 1, output: 1.5 } } }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('accepts a stored entry only with the shape of a completed run on the same row', () => {
    const good = { outcome, finals: [{ volume: 31, latency: 5 }] };
    expect(checkKeptSample(good, 3)).toEqual(good);
    expect(checkKeptSample(good, 4)).toBeNull();
    expect(checkKeptSample({ ...good, outcome: { ...outcome, status: 'budget' } }, 3)).toBeNull();
    expect(checkKeptSample({ ...good, outcome: { ...outcome, cost: -1 } }, 3)).toBeNull();
    expect(checkKeptSample({ outcome: { ...outcome, score: '2' }, finals: [] }, 3)).toBeNull();
    expect(checkKeptSample('<script>', 3)).toBeNull();
    expect(checkKeptSample({ ...good, extra: 'dropped' }, 3)).toEqual(good);
  });
});
