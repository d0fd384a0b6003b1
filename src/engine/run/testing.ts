import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type GotDocument, type OperationNode } from '../graph/document';
import type { ThoughtState } from '../graph/specs';
import { builtinFunctions } from '../functions/builtins';
import type { Thought } from '../grs/thought';
import type { LanguageModel } from '../models/types';
import type { OperationType } from '../operations/definition';
import type { RunOptions, RunResult } from './options';
import { runGraph } from './runGraph';

/**
 * Small builders for Graph-of-Operations documents in code: used by the engine's tests and
 * benchmarks, and handy for scripts (`doc([op('g', 'generate', [], {...})])`).
 */
export function op(id: string, type: OperationType, inputs: string[] = [], params: Record<string, unknown> = {}): OperationNode {
  return { id, type, label: id, inputs, params };
}

/** A document around some operations and an input state. */
export function doc(operations: OperationNode[], input: ThoughtState = {}): GotDocument {
  return { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, title: 'test graph', description: '', input, operations, comments: [] };
}

/** Shorthands for common parameters. */
export const params = {
  generate: (k = 1, prompt = 'solve {{current}}', parser: Record<string, unknown> = { kind: 'text', key: 'current' }) => ({ samples: k, prompt, parser }),
  improve: (prompt = 'improve {{current}}') => ({ prompt, parser: { kind: 'text', key: 'current' } }),
  aggregate: (samples = 1, prompt = 'merge {{#each inputs}}[{{current}}]{{/each}}') => ({ samples, prompt, parser: { kind: 'text', key: 'current' } }),
  scoreExpr: (expr: string) => ({ scorer: { kind: 'filter', expr } }),
  keepBest: (n: number, higherIsBetter = true) => ({ n, higherIsBetter }),
};

/** The GRS vertices an operation output, in its output order. */
export function outputsOf(r: RunResult, opId: string): Thought[] {
  const op = r.grs.operations[opId];
  if (!op) throw new Error(`no operation ${opId} in the run`);
  return op.outputs.map((o) => r.grs.thoughts[o.id] as Thought);
}

/** Runs operations on an input with a scripted model and the built-in functions. */
export async function runOps(
  operations: OperationNode[],
  input: ThoughtState,
  model: LanguageModel,
  options: Partial<RunOptions> = {},
): Promise<RunResult> {
  return runGraph(doc(operations, input), { model, functions: builtinFunctions(), ...options });
}

/** A small seeded pseudo-random generator (mulberry32) for reproducible test latencies. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
