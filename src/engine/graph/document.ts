import { z } from 'zod/mini';
import { OPERATION_TYPES, type OperationType } from '../operations/definition';
import type { OperationParams } from '../operations/definitions';
import type { OperationId } from './ids';
import { thoughtStateSchema } from './specs';

/** The `.got.json` format's current version; older versions are migrated on open (graph/migrations). */
export const DOCUMENT_VERSION = 2;
export const DOCUMENT_FORMAT = 'got-studio';

const positionSchema = z.object({ x: z.number(), y: z.number() });

/** One operation of the Graph of Operations. `inputs` are its predecessors in edge order: it decides ties and aggregation order. */
export const operationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.enum(OPERATION_TYPES),
  label: z.optional(z.string()),
  inputs: z._default(z.array(z.string()), []),
  /** Validated against the operation type's own schema by validateDocument. */
  params: z._default(z.record(z.string(), z.unknown()), {}),
  position: z.optional(positionSchema),
});

export const commentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  text: z.string(),
  position: positionSchema,
  width: z.optional(z.number().check(z.positive())),
  height: z.optional(z.number().check(z.positive())),
});

/** Where a run's input can come from: rows of a dataset, turned into input states by a task's loader. */
export const datasetRefSchema = z.object({
  /** Path relative to the app's public folder (or the CLI's working directory), e.g. `datasets/got/sorting_032.csv`. */
  file: z.string().check(z.minLength(1)),
  /** The task loader that turns a row into an input state, e.g. `sorting`. */
  loader: z.string().check(z.minLength(1)),
  /** The row used as the default input. */
  sample: z._default(z.int().check(z.gte(0)), 0),
});

export const documentSchema = z.object({
  format: z.literal(DOCUMENT_FORMAT),
  version: z.literal(DOCUMENT_VERSION),
  title: z._default(z.string(), 'Untitled graph'),
  description: z._default(z.string(), ''),
  /** The task whose functions (scorers, parsers…) the graph names, e.g. `sorting`. Informational. */
  task: z.optional(z.string()),
  /** A scheme label for comparisons, e.g. `GoT`, `ToT`. */
  scheme: z.optional(z.string()),
  /** The run's default input state (the GRS's hop-0 vertex). */
  input: z._default(thoughtStateSchema, {}),
  dataset: z.optional(datasetRefSchema),
  operations: z.array(operationSchema),
  comments: z._default(z.array(commentSchema), []),
});

export type GotDocument = z.infer<typeof documentSchema>;
export type OperationNode = z.infer<typeof operationSchema>;
export type CanvasComment = z.infer<typeof commentSchema>;
export type DatasetRef = z.infer<typeof datasetRefSchema>;

/** An operation whose parameters passed its type's schema (defaults filled in). */
export type CheckedOperation = {
  [T in OperationType]: { id: OperationId; type: T; label: string; inputs: OperationId[]; params: OperationParams[T] };
}[OperationType];

/** A document that passed validation: the form the scheduler runs. Operations are in topological order. */
export interface CheckedGraph {
  document: GotDocument;
  operations: CheckedOperation[];
  byId: ReadonlyMap<OperationId, CheckedOperation>;
  /** Successors of each operation, in the order they list it among their inputs. */
  successors: ReadonlyMap<OperationId, OperationId[]>;
  /** Operations with no successors: their outputs are the run's final thoughts. */
  sinks: OperationId[];
}
