import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type GotDocument, type OperationNode } from '../graph/document';
import type { ThoughtState } from '../graph/specs';
import type { OperationType } from '../operations/definition';

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
