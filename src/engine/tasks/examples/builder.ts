import { DOCUMENT_FORMAT, DOCUMENT_VERSION, documentSchema, type GotDocument, type OperationNode } from '../../graph/document';
import type { ThoughtState } from '../../graph/specs';
import type { OperationType } from '../../operations/definition';

const COLUMN_WIDTH = 260;
const LANE_HEIGHT = 130;

interface Placed {
  node: OperationNode;
  column: number;
  lane: number;
}

/**
 * Builds a Graph of Operations with a layered left→right layout: an operation's column is one past
 * its deepest input, its lane is given or the mean of its inputs' lanes (so merges sit between the
 * branches they join).
 */
export class GraphBuilder {
  private readonly placed = new Map<string, Placed>();

  add(id: string, type: OperationType, label: string, params: Record<string, unknown>, inputs: readonly string[] = [], lane?: number): string {
    if (this.placed.has(id)) throw new Error(`duplicate operation id ${id}`);
    const from = inputs.map((i) => {
      const p = this.placed.get(i);
      if (!p) throw new Error(`operation ${id} names unknown input ${i}`);
      return p;
    });
    const column = from.length === 0 ? 0 : Math.max(...from.map((p) => p.column)) + 1;
    const ownLane = lane ?? (from.length === 0 ? 0 : from.reduce((s, p) => s + p.lane, 0) / from.length);
    this.placed.set(id, { node: { id, type, label, inputs: [...inputs], params }, column, lane: ownLane });
    return id;
  }

  /** The lane an operation was placed in (0 for unknown ids). */
  laneOf(id: string): number {
    return this.placed.get(id)?.lane ?? 0;
  }

  /** The operations with positions, lanes shifted so the topmost sits at y = 0. */
  operations(): OperationNode[] {
    const all = [...this.placed.values()];
    const top = Math.min(...all.map((p) => p.lane));
    return all.map((p) => ({ ...p.node, position: { x: p.column * COLUMN_WIDTH, y: Math.round((p.lane - top) * LANE_HEIGHT) } }));
  }
}

/** What every example states about itself. */
export interface ExampleMeta {
  title: string;
  description: string;
  task: string;
  scheme: string;
  dataset: { file: string; loader: string };
  input: ThoughtState;
}

/** A checked `.got.json` document (schema defaults filled in) from a built graph. */
export function makeDocument(meta: ExampleMeta, graph: GraphBuilder): GotDocument {
  return documentSchema.parse({
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    title: meta.title,
    description: meta.description,
    task: meta.task,
    scheme: meta.scheme,
    input: meta.input,
    dataset: { file: meta.dataset.file, loader: meta.dataset.loader, sample: 0 },
    operations: graph.operations(),
    comments: [],
  });
}
