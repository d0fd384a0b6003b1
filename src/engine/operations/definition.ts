import type { z } from 'zod/mini';

export const OPERATION_TYPES = [
  'generate',
  'aggregate',
  'improve',
  'score',
  'validateAndImprove',
  'keepBestN',
  'keepValid',
  'groundTruth',
  'selector',
] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

/** The kind of editor a parameter gets in the inspector. */
export type ParamKind =
  | 'integer'
  | 'number'
  | 'boolean'
  | 'text'
  | 'template'
  | 'stringList'
  | 'parser'
  | 'scorer'
  | 'validator'
  | 'evaluator'
  | 'selector';

/** One declared parameter: the inspector generates its form from these. */
export interface ParamField {
  key: string;
  label: string;
  /** One line of help shown under the field. */
  help: string;
  kind: ParamKind;
  required?: boolean;
  min?: number;
  max?: number;
  /** Shown folded under "More" in the inspector. */
  advanced?: boolean;
}

/** Everything the editor and the validator need to know about an operation type. */
export interface OperationDefinition<T extends OperationType = OperationType, S extends z.ZodMiniType = z.ZodMiniType> {
  type: T;
  label: string;
  /** One-line description for the palette and the inspector. */
  help: string;
  /** A short glyph shown on the node and in the palette. */
  icon: string;
  /** llm: makes new thoughts through the model; annotate: sets score/valid/solved; filter: keeps some thoughts. */
  category: 'llm' | 'annotate' | 'filter';
  paramsSchema: S;
  fields: readonly ParamField[];
  /** Parameters given to a new operation dropped from the palette. */
  initialParams: z.input<S>;
  /** A short summary of the key parameters for the node face, e.g. `k = 5`. */
  summary: (params: z.output<S>) => string;
  /** Whether it makes new GRS vertices. */
  makesThoughts: boolean;
  /** Whether it can process each input thought as soon as it exists (else it waits for all inputs). */
  streams: (params: z.output<S>) => boolean;
}

export const defineOperation = <T extends OperationType, S extends z.ZodMiniType>(
  d: OperationDefinition<T, S>,
): OperationDefinition<T, S> => d;

export type ParamsOf<D> = D extends OperationDefinition<OperationType, infer S> ? z.output<S> : never;
