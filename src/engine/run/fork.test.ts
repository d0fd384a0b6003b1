import { describe, expect, it } from 'vitest';
import { builtinFunctions, mergeFunctionRegistries } from '../functions/builtins';
import type { GotDocument } from '../graph/document';
import { operationId, thoughtId } from '../graph/ids';
import { rebuildGrs } from '../grs/reduce';
import type { Thought } from '../grs/thought';
import type { CompletionRequest, LanguageModel } from '../models/types';
import { simulatorModel } from '../models/simulator/simulatorModel';
import { taskFunctions } from '../tasks/functions';
import { descendantsOf, planFork, runFork } from './fork';
import type { RunEvent } from './events';
import type { RunResult } from './options';
import { runGraph } from './runGraph';
import { doc, op, params } from './testing';
import { scriptedModel } from '../models/scripted';

const galleryFiles = import.meta.glob<string>('../../../public/examples/*.json', { query: '?raw', import: 'default', eager: true });
const example = (id: string): GotDocument => JSON.parse(galleryFiles[`../../../public/examples/${id}.got.json`] as string) as GotDocument;
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());

/** The simulator, counting the requests it gets. */
function countingModel(): LanguageModel & { requests: number } {
  const inner = simulatorModel({ latency: { baseMs: 0, perTokenMs: 0 } });
  const counted = {
    id: inner.id,
    requests: 0,
    complete(request: CompletionRequest) {
      counted.requests += 1;
      return inner.complete(request);
    },
  };
  return counted;
}

const callOps = (events: readonly RunEvent[]): string[] => events.flatMap((e) => (e.type === 'call.start' ? [e.opId as string] : []));
const tokens = (r: RunResult): number => r.summary.promptTokens + r.summary.completionTokens;

async function original(id: string): Promise<RunResult & { requests: number }> {
  const model = countingModel();
  const r = await runGraph(example(id), { model, functions, concurrency: Infinity, runId: `${id}-original` });
  return { ...r, requests: model.requests };
}

describe('forks', () => {
  it('editing a thought of one merge branch re-requests only the calls downstream of it and keeps the other branch', async () => {
    const run = await original('sorting-032-got');
    const edited = run.grs.operations['solve-1']?.outputs[0]?.id;
    expect(edited).toBeDefined();
    const newState = { ...run.grs.thoughts[edited as string]?.state, current: [0, 0, 0, 1, 1, 1] };
    const model = countingModel();
    const fork = await runFork(run.events, { kind: 'edit-thought', thoughtId: thoughtId(edited as string), state: newState }, { model, functions, concurrency: Infinity });
    const rerun = [...descendantsOf(run.grs.document as GotDocument, ['score-1'])];
    const expected = callOps(run.events).filter((op) => rerun.includes(op));
    expect(fork.summary.status).toBe('completed');
    expect(callOps(fork.events).sort()).toEqual(expected.sort());
    expect(model.requests).toBe(expected.length);
    expect(model.requests).toBeLessThan(run.requests);
    expect(fork.summary.requests).toBe(model.requests);
    // Everything upstream keeps its thoughts' ids and metrics; the untouched branch keeps them whole.
    for (const op of ['split', 'select-1', 'solve-1', 'select-2', 'solve-2', 'score-2', 'keep-best-2']) {
      expect(fork.grs.operations[op]?.outputs).toEqual(run.grs.operations[op]?.outputs);
      for (const o of run.grs.operations[op]?.outputs ?? []) {
        const now = fork.grs.thoughts[o.id];
        const was = run.grs.thoughts[o.id];
        expect(metrics(now)).toEqual(metrics(was));
        expect(now?.carried).toEqual({ fromRunId: run.grs.runId, edited: o.id === edited });
        if (o.id !== edited) expect(now?.state).toEqual(was?.state);
        if (op.endsWith('-2')) expect({ ...now, carried: undefined }).toEqual({ ...was, carried: undefined });
      }
    }
    expect(fork.grs.thoughts[edited as string]?.state).toEqual(newState);
    expect(fork.grs.thoughts[edited as string]?.score).not.toBe(run.grs.thoughts[edited as string]?.score);
    expect(fork.grs.settings?.fork).toEqual({ fromRunId: run.grs.runId, rerun: rerun.filter((id) => run.grs.document?.operations.some((o) => o.id === id)).sort((a, b) => order(run, a) - order(run, b)) });
    // New thoughts are the fork's own; their volume counts the kept lineage.
    const merged = fork.grs.operations['merge-1-1']?.outputs[0]?.id as string;
    expect(fork.grs.thoughts[merged]?.carried).toBeUndefined();
    expect(fork.grs.thoughts[merged]?.volume).toBe(run.grs.thoughts[merged]?.volume);
    expect(fork.grs.thoughts[merged]?.latency).toBe(run.grs.thoughts[merged]?.latency);
    // The fork's log rebuilds its GRS like any run's.
    expect(rebuildGrs(fork.events)).toEqual(fork.grs);
  });

  it('re-running from an operation keeps every result upstream of it', async () => {
    const run = await original('sorting-032-got');
    const model = countingModel();
    const fork = await runFork(run.events, { kind: 'rerun-from', opId: operationId('merge-1-1') }, { model, functions, concurrency: Infinity });
    const rerun = [...descendantsOf(run.grs.document as GotDocument, ['merge-1-1'])];
    expect(callOps(fork.events).every((op) => rerun.includes(op))).toBe(true);
    expect(model.requests).toBe(callOps(run.events).filter((op) => rerun.includes(op)).length);
    expect(fork.grs.operations['keep-best-1']?.outputs).toEqual(run.grs.operations['keep-best-1']?.outputs);
    expect(fork.summary.finalThoughtIds).toHaveLength(run.summary.finalThoughtIds.length);
    // Same seed, same inputs: the simulator answers the re-run the same way.
    expect(fork.summary.bestScore).toBe(run.summary.bestScore);
    expect(fork.summary.criticalPath.hops).toBe(run.summary.criticalPath.hops);
    expect(fork.summary.finalThoughtIds).toEqual(run.summary.finalThoughtIds);
  });

  it('after editing the last Score of sorting-064-got only its descendants run again, with no model request', async () => {
    const run = await original('sorting-064-got');
    const document = structuredClone(run.grs.document as GotDocument);
    const score = document.operations.find((o) => o.id === 'refine-score-2-1');
    expect(score?.type).toBe('score');
    (score as { params: Record<string, unknown> }).params = { ...score?.params, scorer: { kind: 'function', name: 'sorting.error' }, combined: true };
    const plan = planFork(run.events, { kind: 'edit-document', document });
    expect(plan.rerun).toEqual(['refine-score-2-1', 'best-2-1', 'ground-truth']);
    const model = countingModel();
    const fork = await runFork(run.events, { kind: 'edit-document', document }, { model, functions, concurrency: Infinity });
    expect(fork.summary.status).toBe('completed');
    expect(model.requests).toBe(0);
    expect(tokens(fork)).toBe(0);
    expect(tokens(run)).toBeGreaterThan(0);
    expect(fork.summary.bestScore).toBe(run.summary.bestScore);
    // Kept results keep the run's critical path: the scheduling chain, not only the lineage.
    expect(fork.summary.criticalPath).toEqual(run.summary.criticalPath);
  });

  it('a kept LLM Score passes its thoughts on at its calls’ end, so the critical path stays the run’s', async () => {
    const model = scriptedModel({ answer: (c, i) => (c.prompt.startsWith('rate') ? `score: ${c.prompt.length + i}` : `t${i}`), latency: (c) => (c.prompt.startsWith('rate') ? 30 : 10) });
    const scorer = { kind: 'llm', prompt: 'rate {{current}}', reader: { kind: 'number' } };
    const document = doc([op('g', 'generate', [], params.generate(3, 'go')), op('s', 'score', ['g'], { scorer }), op('b', 'keepBestN', ['s'], params.keepBest(1))]);
    const run = await runGraph(document, { model, functions: builtinFunctions() });
    const edited = { ...document, operations: document.operations.map((o) => (o.id === 'b' ? { ...o, params: params.keepBest(2) } : o)) };
    const fork = await runFork(run.events, { kind: 'edit-document', document: edited }, { model, functions: builtinFunctions() });
    expect(fork.grs.settings?.fork?.rerun).toEqual(['b']);
    expect(fork.summary.requests).toBe(0);
    expect(fork.summary.criticalPath.ms).toBe(run.summary.criticalPath.ms);
    expect(fork.summary.criticalPath.hops).toBe(run.summary.criticalPath.hops);
    expect(run.summary.criticalPath.hops).toBe(2);
  });
});

const metrics = (t: Thought | undefined) => t && { id: t.id, opId: t.opId, parents: t.parents, origin: t.origin, volume: t.volume, latency: t.latency, ms: t.ms, criticalMs: t.criticalMs, promptTokens: t.promptTokens, completionTokens: t.completionTokens, cost: t.cost };
const order = (r: RunResult, id: string): number => r.grs.document?.operations.findIndex((o) => o.id === id) ?? -1;
