import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../engine/index';
import { readDocument } from '../../files/readDocument';
import { appFunctions } from '../../functions/registry';
import { selfConsistencyOf } from './selfConsistency';

const shipped = (id: string) => {
  const r = readDocument(readFileSync(`public/examples/${id}.got.json`, 'utf8'));
  if (!r.ok) throw new Error(`${id} does not read`);
  return r.doc;
};

describe('CoT-SC built from the shipped CoT example', () => {
  const cot = shipped('sorting-064-cot');
  const sc = selfConsistencyOf(cot, 5)!;

  it('asks the CoT prompt for k answers, scores them, keeps the lowest error and only then compares with the ground truth', () => {
    const byId = new Map(sc.operations.map((o) => [o.id, o]));
    expect(byId.get('generate')?.params).toMatchObject({ samples: 5, prompt: cot.operations[0]!.params.prompt });
    expect(byId.get('keep-best')).toMatchObject({ type: 'keepBestN', inputs: ['score'], params: { n: 1, higherIsBetter: false } });
    expect(byId.get('ground-truth')?.inputs).toEqual(['keep-best']);
    expect(sc).toMatchObject({ title: 'Sorting 64 numbers · CoT-SC', scheme: 'CoT-SC', input: cot.input, dataset: cot.dataset });
  });

  it('is a valid graph the editor reads back as it was written', () => {
    const again = readDocument(JSON.stringify(sc));
    expect(again.ok && again.doc).toEqual(sc);
    expect(validateDocument(sc, { functions: appFunctions() }).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('leaves the CoT example itself untouched, and gives up on a graph of another shape', () => {
    expect(cot.operations.find((o) => o.id === 'generate')?.params.samples).toBe(1);
    expect(selfConsistencyOf(shipped('sorting-064-tot'), 5)).toBeNull();
  });
});
