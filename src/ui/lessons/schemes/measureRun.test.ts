import { describe, expect, it } from 'vitest';
import type { GotDocument, RunSummary, Thought, ThoughtId } from '../../../engine/index';
import { branchingOf, finalThought, measureRun } from './measureRun';

const thought = (id: string, kind: Thought['kind'], patch: Partial<Thought> = {}): Thought =>
  ({ id, kind, opId: kind === 'input' ? null : 'op', parents: [], state: {}, volume: 0, latency: 0, score: null, ...patch }) as Thought;

const summary = (patch: Partial<RunSummary>): RunSummary =>
  ({ status: 'completed', finalThoughtIds: [], bestScore: null, solved: null, cost: 0.5, promptTokens: 100, completionTokens: 20, requests: 3, cacheHits: 1, ...patch }) as RunSummary;

const doc = (ops: Array<{ type: string; inputs?: string[]; samples?: number }>): GotDocument =>
  ({ operations: ops.map((o, i) => ({ id: `o${i}`, type: o.type, inputs: o.inputs ?? [], params: o.samples ? { samples: o.samples } : {} })) }) as unknown as GotDocument;

describe("a lesson run's measured row", () => {
  const grs = {
    thoughtOrder: ['in', 'a', 'b', 'c'] as ThoughtId[],
    thoughts: {
      in: thought('in', 'input'),
      a: thought('a', 'llm', { score: 4, latency: 1, volume: 0 }),
      b: thought('b', 'llm', { score: 1, latency: 3, volume: 7 }),
      c: thought('c', 'llm', { score: 9 }),
    },
  };

  it("takes the final thought the summary's best score belongs to", () => {
    expect(finalThought(summary({ finalThoughtIds: ['a', 'b'] as never, bestScore: 1 }), grs)?.id).toBe('b');
    expect(finalThought(summary({ finalThoughtIds: ['a'] as never, bestScore: null }), grs)?.id).toBe('a');
    expect(finalThought(summary({ finalThoughtIds: [] }), grs)).toBeNull();
  });

  it("reads latency and volume from that thought, error and cost from the summary, and counts N as the run's LLM thoughts", () => {
    const m = measureRun(summary({ finalThoughtIds: ['b'] as never, bestScore: 1, solved: false }), grs, doc([{ type: 'generate', samples: 5 }]));
    expect(m).toMatchObject({ finalThoughtId: 'b', latency: 3, volume: 7, error: 1, solved: false, cost: 0.5, tokens: 120, requests: 3, cacheHits: 1, n: 3, k: 5 });
  });

  it('takes k as the inputs an Aggregate merges when the graph merges, else the most completions a Generate asks for', () => {
    expect(branchingOf(doc([{ type: 'generate', samples: 5 }, { type: 'aggregate', inputs: ['a', 'b'] }]))).toBe(2);
    expect(branchingOf(doc([{ type: 'generate', samples: 20 }, { type: 'generate', samples: 10 }]))).toBe(20);
    expect(branchingOf(doc([{ type: 'score' }]))).toBe(1);
  });
});
