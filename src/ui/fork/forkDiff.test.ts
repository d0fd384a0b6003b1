import { describe, expect, it } from 'vitest';
import {
  builtinFunctions,
  mergeFunctionRegistries,
  operationId,
  runFork,
  runGraph,
  simulatorModel,
  taskFunctions,
  type GotDocument,
  type RunResult,
} from '../../engine/index';
import { compareFork, forkPair, isForkOf, sideSummary, type CompareMark } from './forkDiff';

const galleryFiles = import.meta.glob<string>('../../../public/examples/*.json', { query: '?raw', import: 'default', eager: true });
const example = (id: string): GotDocument => JSON.parse(galleryFiles[`../../../public/examples/${id}.got.json`] as string) as GotDocument;
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const options = () => ({ model: simulatorModel({ latency: { baseMs: 0, perTokenMs: 0 } }), functions, concurrency: Infinity });

async function sorting32(): Promise<RunResult> {
  return runGraph(example('sorting-032-got'), { ...options(), runId: 'original' });
}

const marksOf = (c: ReturnType<typeof compareFork>, mark: CompareMark) => c.thoughts.filter((t) => t.mark === mark);

describe('compareFork', () => {
  it('after a thought edit: upstream and the untouched branch are shared, the edited thought sits in place, its downstream is replaced and new', async () => {
    const original = await sorting32();
    const edited = original.grs.operations['solve-1']?.outputs[0]?.id as string;
    const state = { ...original.grs.thoughts[edited]?.state, current: [0, 0, 0, 1, 1, 1] };
    const fork = await runFork(original.events, { kind: 'edit-thought', thoughtId: original.grs.thoughts[edited]!.id, state }, options());
    const c = compareFork(original.grs, fork.grs);

    expect(marksOf(c, 'edited').map((t) => t.key)).toEqual([edited]);
    expect(marksOf(c, 'edited')[0]?.thought.state).toEqual(state);
    // The pre-edit version stays on the original's side.
    expect(marksOf(c, 'replaced').find((t) => t.key === `original:${edited}`)?.thought.state).toEqual(original.grs.thoughts[edited]?.state);
    // Everything the split, the other branch and the edited thought's own operation made is shared.
    const sharedOps = new Set(marksOf(c, 'shared').map((t) => t.thought.opId));
    expect(sharedOps).toEqual(new Set([null, 'split', 'solve-1', 'solve-2']));
    // The merge and the refine ran again: the original's thoughts replaced, the fork's new, each on its side's lane.
    const replacedOps = new Set(marksOf(c, 'replaced').map((t) => t.lane));
    expect(replacedOps).toEqual(new Set(['original:solve-1', 'original:merge-1-1', 'original:refine-1-1']));
    expect(new Set(marksOf(c, 'new').map((t) => t.lane))).toEqual(new Set(['fork:merge-1-1', 'fork:refine-1-1']));
    expect(c.counts.new).toBe(fork.grs.thoughtOrder.filter((id) => !fork.grs.thoughts[id]?.carried && fork.grs.thoughts[id]?.kind === 'llm').length);
    // A new merge's parents are the shared or edited cards it was made from, never the original's.
    const keys = new Set(c.thoughts.map((t) => t.key));
    for (const t of c.thoughts) for (const p of t.parents) expect(keys.has(p)).toBe(true);
    for (const t of marksOf(c, 'new')) expect(t.parents.some((p) => p.startsWith('original:'))).toBe(false);
    for (const t of marksOf(c, 'replaced')) expect(t.parents.some((p) => p.startsWith('fork:'))).toBe(false);
  });

  it('after a re-run from an operation: only that operation and what follows are replaced and new', async () => {
    const original = await sorting32();
    const fork = await runFork(original.events, { kind: 'rerun-from', opId: operationId('refine-1-1') }, options());
    const c = compareFork(original.grs, fork.grs);
    expect(c.counts.edited).toBe(0);
    expect(new Set(marksOf(c, 'replaced').map((t) => t.lane))).toEqual(new Set(['original:refine-1-1']));
    expect(new Set(marksOf(c, 'new').map((t) => t.lane))).toEqual(new Set(['fork:refine-1-1']));
    expect(c.counts.shared).toBe(original.grs.thoughtOrder.length - c.counts.replaced);
  });

  it('after editing an operation\'s parameters: its thoughts are replaced and new, the rest shared', async () => {
    const original = await sorting32();
    const doc = original.grs.document as GotDocument;
    const edited: GotDocument = { ...doc, operations: doc.operations.map((o) => (o.id === 'refine-1-1' ? { ...o, params: { ...o.params, samples: 3 } } : o)) };
    const fork = await runFork(original.events, { kind: 'edit-document', document: edited }, options());
    const c = compareFork(original.grs, fork.grs);
    expect(marksOf(c, 'replaced').map((t) => t.lane)).toEqual(Array.from({ length: 10 }, () => 'original:refine-1-1'));
    expect(marksOf(c, 'new').map((t) => t.lane)).toEqual(Array.from({ length: 3 }, () => 'fork:refine-1-1'));
    expect(c.counts.shared).toBe(original.grs.thoughtOrder.length - 10);
  });

  it('tells which of two runs is the fork, and refuses two unrelated runs', async () => {
    const original = await sorting32();
    const fork = await runFork(original.events, { kind: 'rerun-from', opId: operationId('refine-1-1') }, options());
    const other = await runGraph(example('sorting-032-got'), { ...options(), runId: 'other' });
    expect(isForkOf(fork.grs, original.grs)).toBe(true);
    expect(isForkOf(original.grs, fork.grs)).toBe(false);
    expect(forkPair(fork.grs, original.grs)).toEqual({ original: original.grs, fork: fork.grs });
    expect(forkPair(original.grs, other.grs)).toBeNull();
  });

  it("sums each side up with its run summary's figures and its final thought's volume and latency", async () => {
    const original = await sorting32();
    const s = sideSummary(original.grs);
    const finalId = original.summary.finalThoughtIds[0] as string;
    expect(s).toMatchObject({
      score: original.summary.bestScore,
      requests: original.summary.requests,
      tokens: original.summary.promptTokens + original.summary.completionTokens,
      cost: original.summary.cost,
      volume: original.grs.thoughts[finalId]?.volume,
      latency: original.grs.thoughts[finalId]?.latency,
    });
    expect(s.finalThought?.id).toBe(finalId);
  });
});
