import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import type { GotDocument } from '../graph/document';
import { validateDocument } from '../graph/validate';
import { scoreHigherIsBetter } from './catalog';
import { exampleSpecs } from './examples/index';
import { taskFunctions } from './functions';

const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const checked = (doc: GotDocument) => {
  const { graph, diagnostics } = validateDocument(doc, { functions });
  if (!graph) throw new Error(diagnostics.map((d) => d.message).join('; '));
  return graph;
};
const example = (id: string): GotDocument => {
  const s = exampleSpecs.find((e) => e.id === id);
  if (!s) throw new Error(`no example ${id}`);
  return s.build({});
};

describe('scoreHigherIsBetter', () => {
  it("follows the task's direction when the graph has no Keep Best N: sorting errors are better low, doc-merge scores high", () => {
    const io = example('sorting-032-io');
    expect(io.operations.some((o) => o.type === 'keepBestN')).toBe(false);
    expect(scoreHigherIsBetter(checked(io))).toBe(false);
    expect(scoreHigherIsBetter(checked(example('doc-merge-io')))).toBe(true);
  });

  it("follows the last Keep Best N's declared direction over the task's", () => {
    const got = example('sorting-032-got');
    const flipped: GotDocument = { ...got, operations: got.operations.map((o) => (o.type === 'keepBestN' ? { ...o, params: { ...o.params, higherIsBetter: true } } : o)) };
    expect(scoreHigherIsBetter(checked(got))).toBe(false);
    expect(scoreHigherIsBetter(checked(flipped))).toBe(true);
  });

  it('takes higher as better for a graph of no known task and no Keep Best N', () => {
    const io = example('sorting-032-io');
    expect(scoreHigherIsBetter(checked({ ...io, task: 'somethingElse' }))).toBe(true);
  });
});
